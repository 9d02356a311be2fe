using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>One choice of a choice field: the id is the client's (or "1", "2"... when it gave none).</summary>
    internal sealed class NimbleChoice
    {
        public string Id = "";
        public string Value = "";
    }

    /// <summary>A tab member: a field or a group of fields.</summary>
    internal abstract class NimbleFieldMember
    {
        public string Id = "";
        public string Name = "";
        public bool Standard;
    }

    internal sealed class NimbleFieldDef : NimbleFieldMember
    {
        /// <summary>string, long_string, choice, number, datetime, boolean, address, user.</summary>
        public string Kind = "string";
        public bool Multiples;
        /// <summary>Allowed modifiers; empty means the field takes none ("").</summary>
        public string[] Modifiers = Array.Empty<string>();
        /// <summary>edit_all, edit_choices_only or view_only.</summary>
        public string Actions = "edit_all";
        /// <summary>email or url for the string fields that check their values.</summary>
        public string? ValidationRule;
        public List<NimbleChoice> Choices = new List<NimbleChoice>();
        public JsonObject Presentation = new JsonObject();

        /// <summary>Why <paramref name="value"/> does not fit the field, or null.</summary>
        public string? Check(string value)
        {
            switch (Kind)
            {
                case "choice":
                    return value.Length == 0 || Choices.Any(c => c.Value == value) ? null
                        : $"'{value}' is not a choice of '{Name}'. Allowed: {string.Join(", ", Choices.Select(c => c.Value))}.";
                case "number":
                    return value.Length == 0 || decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a number.";
                case "boolean":
                    return value == "true" || value == "false" || value.Length == 0 ? null : $"'{value}' is not a boolean (true or false).";
                default:
                    return null;
            }
        }
    }

    internal sealed class NimbleFieldGroup : NimbleFieldMember
    {
        public string LogoId = "";
        public List<NimbleFieldDef> Fields = new List<NimbleFieldDef>();
    }

    /// <summary>A contacts tab (ContactTypes set) or a pipeline's deal fields tab (PipelineId set).</summary>
    internal sealed class NimbleFieldTab
    {
        public string Id = "";
        public string Name = "";
        public List<string> ContactTypes = new List<string>();
        public string? PipelineId;
        public bool Standard;
        /// <summary>edit_all, rearrange_only or view_only.</summary>
        public string Actions = "edit_all";
        public List<NimbleFieldMember> Members = new List<NimbleFieldMember>();

        public IEnumerable<NimbleFieldDef> AllFields =>
            Members.SelectMany(m => m is NimbleFieldGroup g ? g.Fields : new List<NimbleFieldDef> { (NimbleFieldDef)m });

        public IEnumerable<NimbleFieldGroup> Groups => Members.OfType<NimbleFieldGroup>();

        public NimbleFieldDef? FieldById(string id) => AllFields.FirstOrDefault(f => f.Id == id);

        public NimbleFieldDef? FieldByName(string name) => AllFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The group holding <paramref name="field"/>, or null when it sits directly in the tab.</summary>
        public NimbleFieldGroup? GroupOf(NimbleFieldDef field) => Groups.FirstOrDefault(g => g.Fields.Contains(field));

        /// <summary>Takes the field out of wherever it is in this tab.</summary>
        public void Detach(NimbleFieldDef field)
        {
            if (!Members.Remove(field)) GroupOf(field)?.Fields.Remove(field);
        }
    }

    /// <summary>
    /// The contact fields of the account (tabs, groups, fields) as state: the API edits it, contact values are
    /// checked against it. Seeded with Nimble's standard "Info" tab.
    /// </summary>
    internal sealed class NimbleFieldCatalog
    {
        public const string PlaceholderId = "000000000000000000000000";

        public List<NimbleFieldTab> Tabs { get; } = new List<NimbleFieldTab>();

        public IEnumerable<NimbleFieldDef> AllFields => Tabs.SelectMany(t => t.AllFields);

        public NimbleFieldDef? Find(string name) => AllFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

        public NimbleFieldDef? FieldById(string id) => AllFields.FirstOrDefault(f => f.Id == id);

        public NimbleFieldTab? TabOf(NimbleFieldDef field) => Tabs.FirstOrDefault(t => t.AllFields.Contains(field));

        public NimbleFieldGroup? GroupById(string id) => Tabs.SelectMany(t => t.Groups).FirstOrDefault(g => g.Id == id);

        public NimbleFieldTab? TabOfGroup(NimbleFieldGroup group) => Tabs.FirstOrDefault(t => t.Members.Contains(group));

        /// <summary>The field's id; an unknown name answers a placeholder, as the service's errors do.</summary>
        public string IdOf(string name) => Find(name)?.Id ?? PlaceholderId;

        // The standard fields' ids, for errors built where no state is at hand.
        private static readonly NimbleFieldCatalog Standard = CreateStandard();

        public static string StandardIdOf(string name) => Standard.IdOf(name);

        public static NimbleFieldCatalog CreateStandard()
        {
            var contact = new[] { "work", "personal", "other" };
            var phones = new[] { "work", "mobile", "home", "fax", "main", "other" };
            NimbleFieldDef F(string name, string id, bool multiples, params string[] modifiers) => new NimbleFieldDef
            {
                Name = name, Id = id, Multiples = multiples, Modifiers = modifiers, Standard = true, Actions = "view_only",
                ValidationRule = name == "email" ? "email" : name == "URL" ? "url" : null,
                Kind = name == "address" ? "address" : name == "birthday" ? "datetime" : "string",
                Presentation = name == "birthday" ? new JsonObject { ["date_format"] = null, ["ignore_specific_time"] = true } : new JsonObject(),
            };
            NimbleFieldGroup G(string name, string id, params NimbleFieldDef[] fields) => new NimbleFieldGroup { Name = name, Id = id, Standard = true, Fields = fields.ToList() };
            var leadStatus = F("lead status", "5049f697a694620a0700008d", false);
            leadStatus.Kind = "choice";
            leadStatus.Actions = "edit_choices_only";
            leadStatus.Choices = new[] { "Open", "Contacted", "Qualified", "Unqualified" }
                .Select((v, i) => new NimbleChoice { Id = (i + 1).ToString(CultureInfo.InvariantCulture), Value = v }).ToList();
            var catalog = new NimbleFieldCatalog();
            catalog.Tabs.Add(new NimbleFieldTab
            {
                Id = "5049f696a694620a07000030", Name = "Info", ContactTypes = new List<string> { "person" }, Standard = true, Actions = "rearrange_only",
                Members = new List<NimbleFieldMember>
                {
                    G("Basic Info", "5049f696a694620a07000031",
                        F("first name", "5049f697a694620a07000043", false), F("last name", "5049f697a694620a07000044", false),
                        F("middle name", "5049f697a694620a07000045", false), F("company name", "5049f697a694620a07000046", false),
                        F("title", "5049f697a694620a07000047", false), F("parent company", "5049f697a694620a07000048", false),
                        F("source", "5049f697a694620a07000049", false), F("description", "5049f697a694620a0700004a", true, "other", "linkedin", "twitter")),
                    G("Contact Info", "5049f696a694620a07000032",
                        F("email", "5049f697a694620a07000065", true, contact), F("phone", "5049f697a694620a07000066", true, phones),
                        F("address", "5049f697a694620a07000067", true, "work", "home", "other"), F("URL", "5049f697a694620a07000068", true, "work", "personal", "other"),
                        F("linkedin", "5049f697a694620a07000091", true, "personal", "work", "other"), F("twitter", "5049f697a694620a07000092", true, "personal", "work", "other"),
                        F("birthday", "5049f697a694620a07000069", false)),
                    G("Lead Details", "5049f696a694620a07000033",
                        leadStatus, F("lead source", "5049f697a694620a0700008e", false), F("lead type", "5049f697a694620a0700008f", false),
                        F("rating", "5049f697a694620a07000090", false)),
                },
            });
            return catalog;
        }

        /// <summary>Inserts <paramref name="item"/> first (null) or right after the member with id <paramref name="after"/>; false when that id is not there.</summary>
        public static bool InsertAfter<T>(List<T> list, T item, string? after, Func<T, string> id)
        {
            if (after == null)
            {
                list.Insert(0, item);
                return true;
            }
            var i = list.FindIndex(x => id(x) == after);
            if (i < 0) return false;
            list.Insert(i + 1, item);
            return true;
        }

        // Fields.ContactFieldsTab: one field entry per modifier.
        public static JsonObject ContactTabJson(NimbleFieldTab tab) => new JsonObject
        {
            ["tab_id"] = tab.Id,
            ["tab_name"] = tab.Name,
            // One type reads as Contacts.ContactType (a string, as the standard tab answers); several as a list.
            ["contact_types"] = tab.ContactTypes.Count == 1 ? JsonValue.Create(tab.ContactTypes[0]) : new JsonArray(tab.ContactTypes.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["is_standard"] = tab.Standard,
            ["members"] = new JsonArray(tab.Members.SelectMany(m => m is NimbleFieldGroup g
                ? new[] { (JsonNode?)new JsonObject { ["type"] = "group", ["name"] = g.Name, ["group_id"] = g.Id, ["logo_id"] = g.LogoId, ["fields"] = new JsonArray(g.Fields.SelectMany(ContactFieldJson).ToArray()) } }
                : ContactFieldJson((NimbleFieldDef)m)).ToArray()),
            ["available_actions"] = tab.Actions,
        };

        public static JsonObject AllTabsJson(NimbleFieldCatalog catalog) =>
            new JsonObject { ["tabs"] = new JsonArray(catalog.Tabs.Select(t => (JsonNode?)ContactTabJson(t)).ToArray()) };

        private static IEnumerable<JsonNode?> ContactFieldJson(NimbleFieldDef f) =>
            (f.Modifiers.Length == 0 ? new[] { "" } : f.Modifiers).Select(m => (JsonNode?)new JsonObject
            {
                ["type"] = "field", ["name"] = f.Name, ["field_id"] = f.Id, ["modifier"] = m, ["multiples"] = f.Multiples, ["read_only"] = false,
                ["field_type"] = FieldTypeJson(f), ["presentation"] = f.Presentation.DeepClone(), ["available_actions"] = f.Actions,
            });

        public static JsonObject FieldTypeJson(NimbleFieldDef f)
        {
            var type = new JsonObject { ["field_kind"] = f.Kind };
            if (f.Kind == "choice") type["values"] = ChoicesJson(f);
            if (f.Kind == "string") type["validation_rule"] = f.ValidationRule == null ? null : new JsonObject { ["type"] = f.ValidationRule };
            return type;
        }

        public static JsonObject ChoicesJson(NimbleFieldDef f) => new JsonObject
        {
            ["ordering_type"] = "ordinal",
            ["values"] = new JsonArray(f.Choices.Select(c => (JsonNode?)new JsonObject { ["id"] = c.Id, ["value"] = c.Value }).ToArray()),
        };
    }
}
