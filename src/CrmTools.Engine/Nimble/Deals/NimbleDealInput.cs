using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble.Deals
{
    /// <summary>
    /// A deal to create or change. The pipeline and stage are given by name or id and resolved against the
    /// account's pipelines; standard fields (name, amount, probability, description, expected close date) and
    /// custom fields go into <c>fields_values</c> by name.
    /// </summary>
    public sealed class NimbleDealInput
    {
        public string? Name { get; set; }

        /// <summary>Pipeline name or id.</summary>
        public string? Pipeline { get; set; }

        /// <summary>Stage name or id (within <see cref="Pipeline"/>).</summary>
        public string? Stage { get; set; }

        public decimal? Amount { get; set; }

        /// <summary>ISO-4217 code (3 letters).</summary>
        public string? Currency { get; set; }

        /// <summary>0 to 100; when left out the stage's default probability applies (as the service does).</summary>
        public int? Probability { get; set; }

        public DateTimeOffset? ExpectedCloseDate { get; set; }

        public string? Description { get; set; }

        public string? OwnerId { get; set; }

        /// <summary>Ids of Nimble contacts taking part in the deal.</summary>
        public IReadOnlyList<string>? RelatedContactIds { get; set; }

        public IReadOnlyList<string>? Tags { get; set; }

        /// <summary>Custom (or other standard) fields by name or id; a null value removes the field.</summary>
        public IDictionary? Fields { get; set; }

        internal JsonObject ToBody(NimblePipelineResolution? placement, bool create)
        {
            if (create && string.IsNullOrWhiteSpace(Name)) throw new CrmValidationException("Nimble", "Name", "A deal needs a name.");
            if (Amount.HasValue && Amount.Value < 0) throw new CrmValidationException("Nimble", "Amount", "The amount must be 0 or more.");
            if (Probability.HasValue && (Probability.Value < 0 || Probability.Value > 100)) throw new CrmValidationException("Nimble", "Probability", "The probability must be between 0 and 100.");
            if (Currency != null && (Currency.Length != 3 || !Currency.All(char.IsLetter)))
            {
                throw new CrmValidationException("Nimble", "Currency", $"'{Currency}' is not an ISO-4217 currency code (three letters, e.g. USD).");
            }
            if (create && placement != null && !Probability.HasValue && placement.Stage.DefaultProbability == null)
            {
                throw new CrmValidationException("Nimble", "Probability",
                    $"The stage '{placement.Stage.Name}' has no default probability, so the deal needs -Probability (Nimble refuses it otherwise).");
            }

            var fields = new JsonObject();
            if (Name != null) fields["name"] = Values(Name);
            if (Amount.HasValue) fields["amount"] = Values(NimbleValues.Format(Amount.Value));
            if (Probability.HasValue) fields["probability"] = Values(Probability.Value.ToString(CultureInfo.InvariantCulture));
            if (Description != null) fields["description"] = Values(Description.Length == 0 ? " " : Description);
            if (ExpectedCloseDate.HasValue) fields["expected_close_date"] = Values(NimbleValues.FormatDate(ExpectedCloseDate.Value));
            if (Fields != null)
            {
                foreach (DictionaryEntry entry in Fields)
                {
                    var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                    if (string.IsNullOrWhiteSpace(key)) throw new CrmValidationException("Nimble", "Field", "A field name is empty.");
                    fields[key!.Trim()] = entry.Value == null ? new JsonArray() : FieldValues(entry.Value);
                }
            }

            var body = new JsonObject();
            if (fields.Count > 0 || create) body["fields_values"] = fields;
            if (placement != null)
            {
                body["pipeline_id"] = placement.Pipeline.PipelineId;
                body["stage_id"] = placement.Stage.StageId;
            }
            if (Currency != null) body["currency"] = Currency.ToUpperInvariant();
            else if (create && placement?.Pipeline.DefaultCurrency != null) body["currency"] = placement.Pipeline.DefaultCurrency;
            if (OwnerId != null) body["owner_id"] = OwnerId;
            if (RelatedContactIds != null)
            {
                body["related_contacts"] = new JsonArray(RelatedContactIds.Where(i => !string.IsNullOrWhiteSpace(i))
                    .Select(i => (JsonNode?)new JsonObject { ["contact_id"] = i.Trim() }).ToArray());
            }
            if (Tags != null) body["tags"] = new JsonArray(Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (JsonNode?)JsonValue.Create(t.Trim())).ToArray());
            if (!create && body.Count == 0) throw new CrmValidationException("Nimble", "Name", "Nothing to change.");
            return body;
        }

        private static JsonArray Values(string value) => new JsonArray(new JsonObject { ["value"] = value });

        private static JsonArray FieldValues(object value)
        {
            var array = new JsonArray();
            if (value is string || value is IDictionary || !(value is IEnumerable list))
            {
                array.Add(One(value));
                return array;
            }
            foreach (var item in list) if (item != null) array.Add(One(item));
            return array;
        }

        private static JsonObject One(object value)
        {
            if (value is IDictionary d)
            {
                var obj = new JsonObject();
                foreach (DictionaryEntry e in d) obj[Convert.ToString(e.Key, CultureInfo.InvariantCulture)!] = NimbleJson.ToNode(e.Value);
                if (!obj.ContainsKey("value")) throw new CrmValidationException("Nimble", "Field", "A field value given as a hashtable needs a 'value'.");
                return obj;
            }
            return new JsonObject { ["value"] = NimbleJson.FieldText(value) };
        }
    }
}
