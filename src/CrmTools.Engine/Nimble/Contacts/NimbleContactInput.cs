using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble.Contacts
{
    /// <summary>
    /// Contact data to create or update: the common fields as properties, any other field through
    /// <see cref="Fields"/>. Turned into Nimble's field/modifier body: <c>{"email": [{"value": "...", "modifier": "work"}]}</c>.
    /// </summary>
    public sealed class NimbleContactInput
    {
        public static readonly IReadOnlyList<string> RecordTypes = new[] { "person", "company" };

        /// <summary>person or company (creation only).</summary>
        public string? RecordType { get; set; }

        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? CompanyName { get; set; }
        public string? Title { get; set; }

        public IReadOnlyList<string>? Email { get; set; }
        public string EmailModifier { get; set; } = "work";

        public IReadOnlyList<string>? Phone { get; set; }
        public string PhoneModifier { get; set; } = "work";

        /// <summary>A postal address: a dictionary with street, city, state, zip, country (sent as Nimble's JSON text), or text.</summary>
        public object? Address { get; set; }
        public string AddressModifier { get; set; } = "work";

        /// <summary>
        /// Any field by name. A value is text (no modifier), a dictionary with value and modifier, or a list of
        /// those; a null or empty list removes the field's values (with replace).
        /// </summary>
        public IDictionary? Fields { get; set; }

        /// <summary>Tags on creation (at most 5, documented).</summary>
        public IReadOnlyList<string>? Tags { get; set; }

        public string? OwnerId { get; set; }

        /// <summary>The body of POST /api/v1/contact, after the documented checks.</summary>
        internal JsonObject ToCreateBody()
        {
            var type = RecordType ?? (string.IsNullOrEmpty(FirstName) && string.IsNullOrEmpty(LastName) && !string.IsNullOrEmpty(CompanyName) ? "company" : "person");
            if (!RecordTypes.Contains(type, StringComparer.Ordinal))
            {
                throw new CrmValidationException("Nimble", "RecordType", $"'{type}' is not a record type. Allowed: person, company.");
            }
            var fields = BuildFields();
            if (type == "person" && !HasValue(fields, "first name") && !HasValue(fields, "last name"))
            {
                throw new CrmValidationException("Nimble", "FirstName", "A person needs a first name or a last name.");
            }
            if (type == "company" && !HasValue(fields, "company name"))
            {
                throw new CrmValidationException("Nimble", "CompanyName", "A company needs a company name.");
            }
            var body = new JsonObject { ["record_type"] = type, ["fields"] = fields };
            if (Tags != null && Tags.Count > 0)
            {
                var tags = Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
                if (tags.Count > NimbleTags.MaxTagsOnCreate)
                {
                    throw new CrmValidationException("Nimble", "Tag", $"Nimble accepts at most {NimbleTags.MaxTagsOnCreate} tags when a contact is created; add more with Set-NimbleContactTag.");
                }
                body["tags"] = NimbleTags.Join(tags);
            }
            if (!string.IsNullOrEmpty(OwnerId)) body["owner_id"] = OwnerId;
            return body;
        }

        /// <summary>The body of PUT /api/v1/contact/{id}.</summary>
        internal JsonObject ToUpdateBody()
        {
            var fields = BuildFields();
            if (fields.Count == 0) throw new CrmValidationException("Nimble", "Field", "Nothing to change: give at least one field.");
            return new JsonObject { ["fields"] = fields };
        }

        private JsonObject BuildFields()
        {
            var fields = new JsonObject();
            Add(fields, "first name", FirstName, string.Empty);
            Add(fields, "last name", LastName, string.Empty);
            Add(fields, "company name", CompanyName, string.Empty);
            Add(fields, "title", Title, string.Empty);
            AddMany(fields, "email", Email, EmailModifier);
            AddMany(fields, "phone", Phone, PhoneModifier);
            if (Address != null) Add(fields, "address", AddressText(Address), AddressModifier);
            if (Fields != null)
            {
                foreach (DictionaryEntry entry in Fields)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                    if (string.IsNullOrWhiteSpace(name)) throw new CrmValidationException("Nimble", "Field", "A field name is empty.");
                    fields[name!.Trim()] = FieldValues(name!, entry.Value);
                }
            }
            return fields;
        }

        private static JsonArray FieldValues(string name, object? value)
        {
            var values = new JsonArray();
            switch (value)
            {
                case null:
                    break;
                case string text:
                    values.Add(Value(text, string.Empty));
                    break;
                case IDictionary dictionary:
                    values.Add(FromDictionary(name, dictionary));
                    break;
                case IEnumerable list:
                    foreach (var item in list)
                    {
                        if (item is IDictionary d) values.Add(FromDictionary(name, d));
                        else if (item != null) values.Add(Value(NimbleJson.FieldText(item), string.Empty));
                    }
                    break;
                default:
                    values.Add(Value(NimbleJson.FieldText(value), string.Empty));
                    break;
            }
            return values;
        }

        private static JsonObject FromDictionary(string name, IDictionary dictionary)
        {
            object? value = null;
            string modifier = string.Empty;
            var found = false;
            foreach (DictionaryEntry e in dictionary)
            {
                var key = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                if (string.Equals(key, "value", StringComparison.OrdinalIgnoreCase))
                {
                    value = e.Value;
                    found = true;
                }
                else if (string.Equals(key, "modifier", StringComparison.OrdinalIgnoreCase)) modifier = Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                else throw new CrmValidationException("Nimble", "Field", $"The value of field '{name}' has an unknown key '{key}': use value and modifier.");
            }
            if (!found) throw new CrmValidationException("Nimble", "Field", $"The value of field '{name}' has no 'value'.");
            return Value(NimbleJson.FieldText(value), modifier);
        }

        private static void Add(JsonObject fields, string name, string? value, string modifier)
        {
            if (value == null) return;
            fields[name] = new JsonArray(Value(value, modifier));
        }

        private static void AddMany(JsonObject fields, string name, IReadOnlyList<string>? values, string modifier)
        {
            if (values == null || values.Count == 0) return;
            var array = new JsonArray();
            foreach (var v in values.Where(v => !string.IsNullOrWhiteSpace(v))) array.Add(Value(v.Trim(), modifier));
            fields[name] = array;
        }

        private static JsonObject Value(string value, string modifier) => new JsonObject { ["value"] = value, ["modifier"] = modifier };

        private static string AddressText(object address)
        {
            if (address is string s) return s;
            if (address is IDictionary d)
            {
                var allowed = new[] { "street", "city", "state", "zip", "country" };
                var obj = new JsonObject();
                foreach (DictionaryEntry e in d)
                {
                    var key = Convert.ToString(e.Key, CultureInfo.InvariantCulture)!.ToLowerInvariant();
                    if (!allowed.Contains(key)) throw new CrmValidationException("Nimble", "Address", $"'{e.Key}' is not an address part. Allowed: {string.Join(", ", allowed)}.");
                    obj[key] = NimbleJson.FieldText(e.Value);
                }
                return obj.ToJsonString();
            }
            return NimbleJson.FieldText(address);
        }

        private static bool HasValue(JsonObject fields, string name) =>
            fields[name] is JsonArray a && a.Any(v => v?["value"]?.GetValue<string>() is string s && s.Trim().Length > 0);
    }
}
