using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeCrm;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Userlike
{
    /// <summary>
    /// Which Lime CRM records a Userlike conversation becomes, and where each piece of it goes. Five roles,
    /// in the order they are found or created:
    /// <list type="bullet">
    /// <item>Company (looked up only, never created): by the contact's company name; a matched person's own company wins.</item>
    /// <item>Person: found by the MatchBy properties in order (first match wins), else by an earlier conversation of
    /// the same Userlike contact, else created.</item>
    /// <item>Case (off unless configured): a record of the conversation's topic, e.g. a helpdesk ticket.</item>
    /// <item>History: the note holding the transcript, related to the person (and company, case).</item>
    /// <item>Conversation: the record that remembers the conversation id, so a conversation is sent once.</item>
    /// </list>
    /// A value is a path into the payload (contact.email, um_widget.name), a computed value (transcript,
    /// summary, contact.first_name, contact.last_name, contact.display_name, contact.phone, operator.name,
    /// operator.email, operator.id, channel, location, message_count), or a fixed text after "=" ("=chat").
    /// Relations name the role whose record they point to.
    /// </summary>
    public sealed class UserlikeLimeMapping
    {
        public const string CompanyRole = "Company";
        public const string PersonRole = "Person";
        public const string CaseRole = "Case";
        public const string HistoryRole = "History";
        public const string ConversationRole = "Conversation";

        /// <summary>The roles in the order their records are found or created.</summary>
        public static readonly IReadOnlyList<string> Roles = new[] { CompanyRole, PersonRole, CaseRole, HistoryRole, ConversationRole };

        private static readonly string[] RecordKeys = { "Limetype", "MatchBy", "Properties", "Relations", "IdProperty", "ContactIdProperty" };

        private readonly Dictionary<string, UserlikeRecordMapping?> _records;

        private UserlikeLimeMapping(Dictionary<string, UserlikeRecordMapping?> records) => _records = records;

        /// <summary>The Lime Chat add-on's defaults on a standard Lime CRM (person, company, history, ulconversation).</summary>
        public static UserlikeLimeMapping Default => new UserlikeLimeMapping(new Dictionary<string, UserlikeRecordMapping?>(StringComparer.OrdinalIgnoreCase)
        {
            [CompanyRole] = new UserlikeRecordMapping(CompanyRole, "company", new[] { "name" },
                Map(("name", "contact.company")), Map()),
            [PersonRole] = new UserlikeRecordMapping(PersonRole, "person", new[] { "email", "phone" },
                Map(("firstname", "contact.first_name"), ("lastname", "contact.last_name"), ("email", "contact.email"), ("phone", "contact.phone")),
                Map(("company", CompanyRole))),
            [CaseRole] = null,
            [HistoryRole] = new UserlikeRecordMapping(HistoryRole, "history", Array.Empty<string>(),
                Map(("type", "=chat"), ("date", "created_at"), ("note", "transcript")),
                Map(("person", PersonRole), ("company", CompanyRole), ("helpdesk", CaseRole))),
            [ConversationRole] = new UserlikeRecordMapping(ConversationRole, "ulconversation", Array.Empty<string>(),
                Map(("conversationid", "id"), ("contactid", "contact.id"), ("starttime", "created_at"), ("channel", "channel"),
                    ("status", "status"), ("operator", "operator.name")),
                Map(("person", PersonRole), ("history", HistoryRole), ("helpdesk", CaseRole)))
            {
                IdProperty = "conversationid",
                ContactIdProperty = "contactid",
            },
        });

        /// <summary>What a Case starts from when a mapping turns it on with only some of its keys.</summary>
        private static UserlikeRecordMapping CaseTemplate => new UserlikeRecordMapping(CaseRole, "helpdesk", Array.Empty<string>(),
            Map(("title", "summary")), Map(("person", PersonRole), ("company", CompanyRole)));

        public UserlikeRecordMapping? Company => _records[CompanyRole];

        public UserlikeRecordMapping Person => _records[PersonRole]!;

        public UserlikeRecordMapping? Case => _records[CaseRole];

        public UserlikeRecordMapping History => _records[HistoryRole]!;

        public UserlikeRecordMapping Conversation => _records[ConversationRole]!;

        /// <summary>The records in creation order (the roles turned off left out).</summary>
        public IEnumerable<UserlikeRecordMapping> Records => Roles.Select(r => _records[r]).Where(r => r != null).Select(r => r!);

        internal UserlikeRecordMapping? this[string role] => _records.TryGetValue(role, out var r) ? r : null;

        /// <summary>
        /// These defaults with <paramref name="overrides"/> laid over them: @{ History = @{ Properties = @{ type = '=comment' } } }.
        /// A role's keys replace the default's; Properties and Relations are merged entry by entry (an entry set to
        /// $null is removed); Company and Case can be turned off with $null.
        /// </summary>
        public UserlikeLimeMapping With(IDictionary? overrides, string source = "the mapping")
        {
            var records = _records.ToDictionary(p => p.Key, p => p.Value?.Clone(), StringComparer.OrdinalIgnoreCase);
            if (overrides == null) return new UserlikeLimeMapping(records);
            foreach (DictionaryEntry entry in overrides)
            {
                var roleName = Key(entry.Key);
                var role = Roles.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase)) ??
                    throw Invalid(source, $"'{roleName}' is not a part of the mapping. Parts: {string.Join(", ", Roles)}.");
                if (entry.Value == null)
                {
                    if (role != CompanyRole && role != CaseRole) throw Invalid(source, $"{role} cannot be turned off; only Company and Case can.");
                    records[role] = null;
                    continue;
                }
                if (!(entry.Value is IDictionary spec)) throw Invalid(source, $"{role} must be a hashtable (or JSON object) of {string.Join(", ", RecordKeys)}.");
                var record = records[role] ?? (role == CaseRole ? CaseTemplate : Default._records[role]!.Clone());
                records[role] = record;
                foreach (DictionaryEntry field in spec)
                {
                    var name = Key(field.Key);
                    switch (name.ToLowerInvariant())
                    {
                        case "limetype":
                            record.Limetype = Text(field.Value) ?? throw Invalid(source, $"{role}.Limetype needs a limetype name.");
                            break;
                        case "matchby":
                            record.MatchBy = Texts(field.Value).ToList();
                            break;
                        case "properties":
                            MergeEntries(record.Properties, field.Value, source, role + ".Properties");
                            break;
                        case "relations":
                            MergeEntries(record.Relations, field.Value, source, role + ".Relations");
                            break;
                        case "idproperty":
                            record.IdProperty = Text(field.Value);
                            break;
                        case "contactidproperty":
                            record.ContactIdProperty = Text(field.Value);
                            break;
                        default:
                            throw Invalid(source, $"'{role}.{name}' is not a mapping key. Keys: {string.Join(", ", RecordKeys)}.");
                    }
                }
            }
            var mapping = new UserlikeLimeMapping(records);
            mapping.CheckShape(source);
            return mapping;
        }

        /// <summary>Reads a JSON mapping file's text (the same shape as the hashtable) over these defaults.</summary>
        public UserlikeLimeMapping WithJson(string json, string source)
        {
            object? tree;
            try
            {
                using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                tree = PlainJson.ToPlain(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw Invalid(source, "it is not valid JSON: " + ex.Message);
            }
            return With(tree as IDictionary ?? throw Invalid(source, "it must be a JSON object with Person, Company, History, Case, Conversation."), source);
        }

        /// <summary>Checks what can be checked without the service: paths, roles of relations, the id property.</summary>
        private void CheckShape(string source)
        {
            foreach (var record in Records)
            {
                if (string.IsNullOrWhiteSpace(record.Limetype)) throw Invalid(source, $"{record.Role}.Limetype is not set.");
                foreach (var pair in record.Properties)
                {
                    if (!UserlikeValueSource.IsValid(pair.Value))
                        throw Invalid(source, $"{record.Role}.Properties.{pair.Key} = '{pair.Value}' is neither a path (contact.email), a computed value nor a fixed text (=chat).");
                }
                foreach (var pair in record.Relations)
                {
                    var target = Roles.FirstOrDefault(r => string.Equals(r, pair.Value, StringComparison.OrdinalIgnoreCase));
                    if (target == null) throw Invalid(source, $"{record.Role}.Relations.{pair.Key} = '{pair.Value}' names no part of the mapping. Parts: {string.Join(", ", Roles)}.");
                    if (Order(target) >= Order(record.Role))
                        throw Invalid(source, $"{record.Role}.Relations.{pair.Key} points to {target}, which is made after {record.Role}. Order: {string.Join(", ", Roles)}.");
                }
                foreach (var match in record.MatchBy)
                {
                    if (!record.Properties.ContainsKey(match))
                        throw Invalid(source, $"{record.Role}.MatchBy names '{match}', which {record.Role}.Properties does not map, so there is no value to match by.");
                }
            }
            if (string.IsNullOrWhiteSpace(Conversation.IdProperty) || !Conversation.Properties.ContainsKey(Conversation.IdProperty!))
            {
                throw Invalid(source, "Conversation.IdProperty must name a property that Conversation.Properties maps (the conversation id), " +
                    "so a conversation is not sent twice.");
            }
        }

        private static int Order(string role) => Roles.ToList().FindIndex(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

        private static void MergeEntries(Dictionary<string, string> target, object? value, string source, string what)
        {
            if (!(value is IDictionary entries)) throw Invalid(source, $"{what} must be a hashtable (or JSON object) of name = value.");
            foreach (DictionaryEntry e in entries)
            {
                var name = Key(e.Key);
                var text = Text(e.Value);
                if (text == null) target.Remove(name);
                else target[name] = text;
            }
        }

        private static Dictionary<string, string> Map(params (string Key, string Value)[] pairs)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in pairs) map[key] = value;
            return map;
        }

        private static string Key(object key) => (Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty).Trim();

        private static string? Text(object? value)
        {
            var text = value switch
            {
                null => null,
                string s => s,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        private static IEnumerable<string> Texts(object? value)
        {
            if (value is string || !(value is IEnumerable list)) return Text(value) is string one ? new[] { one } : Array.Empty<string>();
            return list.Cast<object?>().Select(Text).Where(t => t != null).Select(t => t!);
        }

        internal static CrmValidationException Invalid(string source, string message) =>
            new CrmValidationException(UserlikeConversationReader.ServicePrefix, "Mapping", $"The Userlike to Lime CRM mapping ({source}) is not valid: {message}")
            { ErrorId = "InvalidMapping" };

        public override string ToString() => string.Join("; ", Records.Select(r => $"{r.Role}: {r.Limetype}"));
    }

    /// <summary>One record of the mapping: its limetype, what to match by, its values and its relations.</summary>
    public sealed class UserlikeRecordMapping
    {
        internal UserlikeRecordMapping(string role, string limetype, IEnumerable<string> matchBy, Dictionary<string, string> properties,
            Dictionary<string, string> relations)
        {
            Role = role;
            Limetype = limetype;
            MatchBy = matchBy.ToList();
            Properties = properties;
            Relations = relations;
        }

        /// <summary>Company, Person, Case, History or Conversation.</summary>
        public string Role { get; }

        public string Limetype { get; internal set; }

        /// <summary>Properties to find an existing record by, in order (Person, Company).</summary>
        public IList<string> MatchBy { get; internal set; }

        /// <summary>Lime CRM property to value source (path, computed value or =fixed text).</summary>
        public Dictionary<string, string> Properties { get; }

        /// <summary>Lime CRM relation property to the role whose record it points to.</summary>
        public Dictionary<string, string> Relations { get; }

        /// <summary>Conversation: the property holding the conversation id (what makes sending idempotent).</summary>
        public string? IdProperty { get; internal set; }

        /// <summary>Conversation: the property holding the Userlike contact id (finds a returning contact's person).</summary>
        public string? ContactIdProperty { get; internal set; }

        internal UserlikeRecordMapping Clone() =>
            new UserlikeRecordMapping(Role, Limetype, MatchBy,
                new Dictionary<string, string>(Properties, StringComparer.OrdinalIgnoreCase),
                new Dictionary<string, string>(Relations, StringComparer.OrdinalIgnoreCase))
            {
                IdProperty = IdProperty,
                ContactIdProperty = ContactIdProperty,
            };

        public override string ToString() => $"{Role}: {Limetype}";
    }
}
