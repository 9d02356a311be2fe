using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.Engine.Userlike
{
    /// <summary>
    /// Sends Userlike conversations to Lime CRM as the Lime Chat add-on does, by a <see cref="UserlikeLimeMapping"/>:
    /// <list type="number">
    /// <item><see cref="PrepareAsync"/> checks the mapping against the limetypes' metadata once, before anything is sent.</item>
    /// <item><see cref="PlanAsync"/> reads only: is the conversation already there (its conversation record), which person
    /// and company it belongs to, and the values of every record to create, all validated. -WhatIf stops here.</item>
    /// <item><see cref="SendAsync"/> creates the person (when none was found), the case, the history note and last the
    /// conversation record, which marks the conversation as sent: a failure before it leaves nothing that stops a rerun.</item>
    /// </list>
    /// </summary>
    public sealed class UserlikeLimeSender
    {
        private readonly LimeCrmConnection _connection;
        private readonly Dictionary<string, LimeType> _limetypes = new Dictionary<string, LimeType>(StringComparer.OrdinalIgnoreCase);
        private bool _prepared;

        public UserlikeLimeSender(LimeCrmConnection connection, UserlikeLimeMapping mapping)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
        }

        public UserlikeLimeMapping Mapping { get; }

        /// <summary>
        /// Checks the mapping against Lime CRM's metadata: the limetypes exist; each mapped property exists and can be
        /// set; fixed values fit (an option key is allowed); relations are relations to the right limetype; every
        /// required property of a record to create is mapped. Errors name the mapping key, limetype and property.
        /// </summary>
        public async Task PrepareAsync(CancellationToken cancellationToken)
        {
            if (_prepared) return;
            foreach (var record in Mapping.Records)
            {
                LimeType limetype;
                try
                {
                    limetype = await _connection.Metadata.GetAsync(record.Limetype, cancellationToken).ConfigureAwait(false);
                }
                catch (CrmException ex) when (ex.Kind == CrmErrorKind.NotFound)
                {
                    throw Invalid($"{record.Role}.Limetype: {ex.Message}");
                }
                _limetypes[record.Role] = limetype;
                foreach (var pair in record.Properties) CheckProperty(record, limetype, pair.Key, pair.Value);
                foreach (var pair in ActiveRelations(record)) CheckRelation(record, limetype, pair.Key, pair.Value);
                if (record.Role != UserlikeLimeMapping.CompanyRole)
                {
                    var filled = record.Properties.Keys.Concat(ActiveRelations(record).Select(r => r.Key));
                    var missing = limetype.Properties.Where(p => p.Required && p.IsWritable && !filled.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                        .Select(p => p.Name).ToList();
                    if (missing.Count > 0)
                    {
                        throw Invalid($"a new Lime CRM {limetype.Name} needs {string.Join(", ", missing)}, which {record.Role}.Properties does not map.");
                    }
                }
            }
            var conversation = Mapping.Conversation;
            if (conversation.ContactIdProperty != null)
            {
                RequireProperty(_limetypes[UserlikeLimeMapping.ConversationRole], conversation.ContactIdProperty, "Conversation.ContactIdProperty");
            }
            _prepared = true;
        }

        /// <summary>Finds out, reading only, what sending <paramref name="conversation"/> would do.</summary>
        public async Task<UserlikeSendPlan> PlanAsync(UserlikeConversation conversation, CancellationToken cancellationToken)
        {
            if (conversation == null) throw new ArgumentNullException(nameof(conversation));
            await PrepareAsync(cancellationToken).ConfigureAwait(false);
            var plan = new UserlikeSendPlan(conversation);
            var records = Mapping.Conversation;
            var recordType = _limetypes[UserlikeLimeMapping.ConversationRole];

            // 1. Already sent?
            var idProperty = records.IdProperty!;
            var conversationKey = Coerce(recordType, idProperty, UserlikeValueSource.Evaluate(records.Properties[idProperty], conversation), LimeValueUse.Filter)
                ?? throw new CrmValidationException(UserlikeConversationReader.ServicePrefix, "InputObject",
                    $"{Describe(conversation)} gives no value for {recordType.Name}.{idProperty} (Conversation.IdProperty), so it cannot be sent once only.")
                    { ErrorId = "ConversationIdMissing" };
            var existing = await _connection.Objects.FindAsync(new LimeObjectQuery(recordType.Name).Where(idProperty, conversationKey), 1, cancellationToken)
                .ConfigureAwait(false);
            if (existing.Count > 0)
            {
                plan.ExistingRecordId = existing[0].Id;
                return plan;
            }

            // 2. The person and the company.
            var personType = _limetypes[UserlikeLimeMapping.PersonRole];
            var newPerson = await PrepareRecordAsync(Mapping.Person, conversation, cancellationToken).ConfigureAwait(false);
            var person = await FindPersonAsync(plan, newPerson, cancellationToken).ConfigureAwait(false);
            if (person != null)
            {
                plan.PersonId = person.Id;
                var companyRelation = RelationTo(Mapping.Person, UserlikeLimeMapping.CompanyRole);
                if (companyRelation != null && person.GetValue(companyRelation) is long companyId)
                {
                    plan.CompanyId = companyId;
                    plan.CompanyMatchedBy = $"the company of {personType.Name} {person.Id}";
                }
            }
            else
            {
                plan.NewPerson = newPerson;
            }
            if (plan.CompanyId == null && Mapping.Company != null)
            {
                await FindCompanyAsync(plan, cancellationToken).ConfigureAwait(false);
            }

            // 3. What to create.
            if (Mapping.Case != null) plan.NewCase = await PrepareRecordAsync(Mapping.Case, conversation, cancellationToken).ConfigureAwait(false);
            plan.NewHistory = await PrepareRecordAsync(Mapping.History, conversation, cancellationToken).ConfigureAwait(false);
            plan.NewRecord = await PrepareRecordAsync(Mapping.Conversation, conversation, cancellationToken).ConfigureAwait(false);
            return plan;
        }

        /// <summary>Creates the planned records. Ids of what was created are kept on the plan even if a later step fails.</summary>
        public async Task<UserlikeSendResult> SendAsync(UserlikeSendPlan plan, CancellationToken cancellationToken)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (plan.AlreadySent) return plan.ToResult(UserlikeSendOutcome.AlreadySent);
            if (plan.NewPerson != null)
            {
                Relate(plan.NewPerson, Mapping.Person, plan);
                var person = await _connection.Objects.SaveAsync(plan.NewPerson, cancellationToken).ConfigureAwait(false);
                plan.PersonId = person.Id;
                plan.PersonCreated = true;
                CrmLog.Verbose($"{Describe(plan.Conversation)}: created {person}.");
            }
            if (plan.NewCase != null && Mapping.Case != null)
            {
                Relate(plan.NewCase, Mapping.Case, plan);
                plan.CaseId = (await _connection.Objects.SaveAsync(plan.NewCase, cancellationToken).ConfigureAwait(false)).Id;
            }
            Relate(plan.NewHistory!, Mapping.History, plan);
            plan.HistoryId = (await _connection.Objects.SaveAsync(plan.NewHistory!, cancellationToken).ConfigureAwait(false)).Id;
            Relate(plan.NewRecord!, Mapping.Conversation, plan);
            plan.RecordId = (await _connection.Objects.SaveAsync(plan.NewRecord!, cancellationToken).ConfigureAwait(false)).Id;
            CrmLog.Verbose($"{Describe(plan.Conversation)}: created history {plan.HistoryId} and {plan.NewRecord!.Limetype.Name} {plan.RecordId}.");
            return plan.ToResult(UserlikeSendOutcome.Created);
        }

        /// <summary>
        /// The existing person: by each MatchBy property in order (the oldest match wins), else the person of the
        /// latest earlier conversation of the same Userlike contact. Null when the contact is new.
        /// </summary>
        private async Task<LimeObject?> FindPersonAsync(UserlikeSendPlan plan, LimeObjectChange values, CancellationToken cancellationToken)
        {
            var personType = _limetypes[UserlikeLimeMapping.PersonRole];
            foreach (var property in Mapping.Person.MatchBy)
            {
                var value = values.Get(property);
                if (value == null) continue;
                var query = new LimeObjectQuery(personType.Name) { Sort = new[] { "_id" } }.Where(property, value);
                var found = await _connection.Objects.FindAsync(query, 2, cancellationToken).ConfigureAwait(false);
                if (found.Count == 0) continue;
                if (found.Count > 1) CrmLog.Verbose($"More than one {personType.Name} has {property} {LimeValues.Describe(value)}; using the oldest, {found[0].Id}.");
                plan.PersonMatchedBy = $"{property} {LimeValues.Describe(value)}";
                return found[0];
            }

            var records = Mapping.Conversation;
            var contactId = plan.Conversation.Contact?.Id;
            var personRelation = RelationTo(records, UserlikeLimeMapping.PersonRole);
            if (records.ContactIdProperty == null || contactId == null || personRelation == null) return null;
            var recordType = _limetypes[UserlikeLimeMapping.ConversationRole];
            var earlier = await _connection.Objects.FindAsync(
                new LimeObjectQuery(recordType.Name) { Sort = new[] { "-_id" } }.Where(records.ContactIdProperty, contactId.Value), 1, cancellationToken)
                .ConfigureAwait(false);
            if (earlier.Count == 0 || !(earlier[0].GetValue(personRelation) is long personId)) return null;
            try
            {
                var person = await _connection.Objects.GetAsync(personType.Name, personId, cancellationToken).ConfigureAwait(false);
                plan.PersonMatchedBy = $"an earlier conversation of Userlike contact {contactId.Value.ToString(CultureInfo.InvariantCulture)}";
                return person;
            }
            catch (CrmException ex) when (ex.Kind == CrmErrorKind.NotFound)
            {
                CrmLog.Verbose($"The {personType.Name} {personId} of an earlier conversation of contact {contactId} no longer exists.");
                return null;
            }
        }

        /// <summary>The one company matching the contact's company (by MatchBy, in order); none when no or several match.</summary>
        private async Task FindCompanyAsync(UserlikeSendPlan plan, CancellationToken cancellationToken)
        {
            var mapping = Mapping.Company!;
            var companyType = _limetypes[UserlikeLimeMapping.CompanyRole];
            foreach (var property in mapping.MatchBy)
            {
                var value = Coerce(companyType, property, UserlikeValueSource.Evaluate(mapping.Properties[property], plan.Conversation), LimeValueUse.Filter);
                if (value == null) continue;
                var found = await _connection.Objects.FindAsync(new LimeObjectQuery(companyType.Name).Where(property, value), 2, cancellationToken)
                    .ConfigureAwait(false);
                if (found.Count == 1)
                {
                    plan.CompanyId = found[0].Id;
                    plan.CompanyMatchedBy = $"{property} {LimeValues.Describe(value)}";
                    return;
                }
                CrmLog.Verbose(found.Count == 0
                    ? $"No {companyType.Name} has {property} {LimeValues.Describe(value)}; the records are not linked to a company."
                    : $"Several {companyType.Name} objects have {property} {LimeValues.Describe(value)}; the records are not linked to one.");
            }
        }

        private Task<LimeObjectChange> PrepareRecordAsync(UserlikeRecordMapping record, UserlikeConversation conversation, CancellationToken cancellationToken)
        {
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var pair in record.Properties)
            {
                var value = UserlikeValueSource.Evaluate(pair.Value, conversation);
                if (value != null) values.Add(new KeyValuePair<string, object?>(pair.Key, value));
            }
            var relations = ActiveRelations(record).Select(r => r.Key).ToList();
            return _connection.Objects.PrepareAsync(_limetypes[record.Role].Name, null, values, LimeValueUse.WriteTruncating, cancellationToken, relations);
        }

        /// <summary>Sets each relation of a record to the id its role has by now (unset when that role has none).</summary>
        private void Relate(LimeObjectChange change, UserlikeRecordMapping record, UserlikeSendPlan plan)
        {
            foreach (var pair in ActiveRelations(record))
            {
                var id = plan.IdOf(pair.Value);
                if (id.HasValue) change.SetRelation(change.Limetype.FindProperty(pair.Key)!, id.Value);
            }
        }

        /// <summary>Relations whose role is turned on.</summary>
        private IEnumerable<KeyValuePair<string, string>> ActiveRelations(UserlikeRecordMapping record) =>
            record.Relations.Where(r => Mapping[r.Value] != null);

        private string? RelationTo(UserlikeRecordMapping record, string role) =>
            ActiveRelations(record).Where(r => string.Equals(r.Value, role, StringComparison.OrdinalIgnoreCase)).Select(r => r.Key).FirstOrDefault();

        private void CheckProperty(UserlikeRecordMapping record, LimeType limetype, string name, string source)
        {
            var property = RequireProperty(limetype, name, $"{record.Role}.Properties.{name}");
            if (!property.IsWritable) throw Invalid($"{record.Role}.Properties.{name}: Lime CRM property '{property.QualifiedName}' ({property.Type}) cannot be set.");
            if (property.Kind == LimeValueKind.BelongsTo)
            {
                throw Invalid($"{record.Role}.Properties.{name}: '{property.QualifiedName}' is a relation; map it under {record.Role}.Relations to a part of the mapping.");
            }
            if (source.StartsWith("=", StringComparison.Ordinal))
            {
                try
                {
                    LimeValues.Coerce(property, source.Substring(1), LimeValueUse.Write);
                }
                catch (CrmValidationException ex)
                {
                    throw Invalid($"{record.Role}.Properties.{name} = '{source}': {ex.Message}");
                }
            }
        }

        private void CheckRelation(UserlikeRecordMapping record, LimeType limetype, string name, string role)
        {
            var property = RequireProperty(limetype, name, $"{record.Role}.Relations.{name}");
            if (property.Kind != LimeValueKind.BelongsTo)
            {
                throw Invalid($"{record.Role}.Relations.{name}: Lime CRM property '{property.QualifiedName}' is {property.Type}, not a relation to one object.");
            }
            var target = Mapping[role]!;
            if (property.RelatedLimetype != null && !string.Equals(property.RelatedLimetype, target.Limetype, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"{record.Role}.Relations.{name}: '{property.QualifiedName}' relates to a {property.RelatedLimetype}, but {role} is a {target.Limetype}.");
            }
        }

        private static LimeProperty RequireProperty(LimeType limetype, string name, string key) =>
            limetype.FindProperty(name) ?? throw Invalid($"{key}: Lime CRM limetype '{limetype.Name}' has no property '{name}'. " +
                $"Properties that can be set: {string.Join(", ", limetype.Properties.Where(p => p.IsWritable).Select(p => p.Name))}.");

        private static object? Coerce(LimeType limetype, string property, object? value, LimeValueUse use) =>
            value == null ? null : LimeValues.Coerce(limetype.FindProperty(property)!, value, use);

        private static CrmValidationException Invalid(string message) =>
            new CrmValidationException(UserlikeConversationReader.ServicePrefix, "Mapping", "The Userlike to Lime CRM mapping does not fit this Lime CRM: " + message)
            { ErrorId = "InvalidMapping" };

        internal static string Describe(UserlikeConversation conversation) =>
            $"Userlike conversation {conversation.Id.ToString(CultureInfo.InvariantCulture)}" + (conversation.Source != null ? $" ({conversation.Source})" : string.Empty);
    }

    /// <summary>What sending one conversation will do (from <see cref="UserlikeLimeSender.PlanAsync"/>), and then did.</summary>
    public sealed class UserlikeSendPlan
    {
        internal UserlikeSendPlan(UserlikeConversation conversation) => Conversation = conversation;

        public UserlikeConversation Conversation { get; }

        /// <summary>The conversation record that shows the conversation was sent before.</summary>
        public long? ExistingRecordId { get; internal set; }

        public bool AlreadySent => ExistingRecordId.HasValue;

        public long? PersonId { get; internal set; }

        public bool PersonCreated { get; internal set; }

        public string? PersonMatchedBy { get; internal set; }

        public long? CompanyId { get; internal set; }

        public string? CompanyMatchedBy { get; internal set; }

        public long? CaseId { get; internal set; }

        public long? HistoryId { get; internal set; }

        public long? RecordId { get; internal set; }

        public LimeObjectChange? NewPerson { get; internal set; }

        public LimeObjectChange? NewCase { get; internal set; }

        public LimeObjectChange? NewHistory { get; internal set; }

        public LimeObjectChange? NewRecord { get; internal set; }

        internal long? IdOf(string role) => role.ToLowerInvariant() switch
        {
            "company" => CompanyId,
            "person" => PersonId,
            "case" => CaseId,
            "history" => HistoryId,
            _ => null,
        };

        internal UserlikeSendResult ToResult(UserlikeSendOutcome outcome, Exception? failure = null)
        {
            var result = new UserlikeSendResult(outcome, Conversation.Source, Conversation.Id)
            {
                PersonId = PersonId,
                PersonCreated = PersonCreated,
                PersonMatchedBy = PersonMatchedBy,
                CompanyId = CompanyId,
                CaseId = CaseId,
                HistoryId = HistoryId,
                RecordId = RecordId ?? ExistingRecordId,
                Plan = AlreadySent ? null : ToString(),
            };
            if (failure != null)
            {
                result.Error = failure.Message;
                result.Exception = failure;
            }
            return result;
        }

        /// <summary>Failed after planning (possibly after creating some records: their ids are kept).</summary>
        public UserlikeSendResult Failed(Exception failure) => ToResult(UserlikeSendOutcome.Failed, failure);

        /// <summary>Skipped: Lime CRM already has the conversation.</summary>
        public UserlikeSendResult Skipped() => ToResult(UserlikeSendOutcome.AlreadySent);

        /// <summary>Not sent (-WhatIf, or declined at -Confirm).</summary>
        public UserlikeSendResult NotSent() => ToResult(UserlikeSendOutcome.NotSent);

        /// <summary>One line per step, for -WhatIf and -Confirm.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(UserlikeLimeSender.Describe(Conversation));
            if (AlreadySent)
            {
                return sb.Append(": already sent (record ").Append(ExistingRecordId!.Value.ToString(CultureInfo.InvariantCulture)).Append(')').ToString();
            }
            sb.Append(':');
            if (NewPerson != null) sb.Append(" create ").Append(NewPerson).Append(';');
            else if (PersonId.HasValue) sb.Append(" use person ").Append(PersonId.Value.ToString(CultureInfo.InvariantCulture)).Append(" (found by ").Append(PersonMatchedBy).Append(");");
            if (CompanyId.HasValue) sb.Append(" link company ").Append(CompanyId.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            foreach (var change in new[] { NewCase, NewHistory, NewRecord })
            {
                if (change != null) sb.Append(" create ").Append(change).Append(';');
            }
            return sb.ToString().TrimEnd(';');
        }
    }
}
