using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>
    /// A Nimble contact (person or company). Its data lives in <see cref="Fields"/>: field name to a list of
    /// values, each with a modifier (work, home, ...). The common fields are also exposed as properties.
    /// </summary>
    public sealed class NimbleContact
    {
        public string? Id { get; set; }

        /// <summary>person or company.</summary>
        public string? RecordType { get; set; }

        public string? ObjectType { get; set; }

        /// <summary>Field name to its values (with modifiers), as the service returns them.</summary>
        public Dictionary<string, List<NimbleFieldValue>>? Fields { get; set; }

        [JsonConverter(typeof(NimbleTagListConverter))]
        public string[]? Tags { get; set; }

        public string? OwnerId { get; set; }

        public string? Creator { get; set; }

        public string? Updater { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        public string? AvatarUrl { get; set; }

        /// <summary>For a company: its people (ids, or short contacts).</summary>
        public JsonElement? Children { get; set; }

        public JsonElement? Privacy { get; set; }

        public JsonElement? LastContacted { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Alias of <see cref="Id"/> for binding to -ContactId.</summary>
        [JsonIgnore]
        public string? ContactId => Id;

        [JsonIgnore]
        public string? FirstName => Value("first name");

        [JsonIgnore]
        public string? LastName => Value("last name");

        [JsonIgnore]
        public string? CompanyName => Value("company name");

        [JsonIgnore]
        public string? Title => Value("title");

        /// <summary>The first e-mail address.</summary>
        [JsonIgnore]
        public string? Email => Value("email");

        /// <summary>The first phone number.</summary>
        [JsonIgnore]
        public string? Phone => Value("phone");

        /// <summary>The person's full name, or the company name.</summary>
        [JsonIgnore]
        public string? Name
        {
            get
            {
                var person = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
                return person.Length > 0 ? person : CompanyName;
            }
        }

        /// <summary>The first value of a field (field names are matched case-insensitively).</summary>
        public string? Value(string fieldName) => Values(fieldName).FirstOrDefault()?.Value;

        /// <summary>Every value of a field.</summary>
        public IReadOnlyList<NimbleFieldValue> Values(string fieldName)
        {
            if (Fields == null) return Array.Empty<NimbleFieldValue>();
            if (Fields.TryGetValue(fieldName, out var exact)) return exact ?? (IReadOnlyList<NimbleFieldValue>)Array.Empty<NimbleFieldValue>();
            foreach (var pair in Fields)
            {
                if (string.Equals(pair.Key, fieldName, StringComparison.OrdinalIgnoreCase)) return pair.Value ?? new List<NimbleFieldValue>();
            }
            return Array.Empty<NimbleFieldValue>();
        }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>One value of a contact field.</summary>
    public sealed class NimbleFieldValue
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Value { get; set; }

        /// <summary>work, home, personal, other, mobile, ... or empty for fields without modifiers.</summary>
        public string? Modifier { get; set; }

        public string? Label { get; set; }

        public string? FieldId { get; set; }

        /// <summary>Whether this is the field's primary value (Set-NimbleContactPrimaryValue).</summary>
        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsPrimary { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ExtraValue { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Modifier) ? Value ?? string.Empty : $"{Value} ({Modifier})";
    }

    /// <summary>Paging details of a listing.</summary>
    public sealed class NimblePageMeta
    {
        public int? Page { get; set; }
        public int? Pages { get; set; }
        public int? PerPage { get; set; }
        public long? Total { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    internal sealed class NimbleContactListing
    {
        public NimblePageMeta? Meta { get; set; }
        public List<NimbleContact>? Resources { get; set; }
    }

    internal sealed class NimbleContactIdListing
    {
        public NimblePageMeta? Meta { get; set; }
        public List<string>? Resources { get; set; }
    }

    internal sealed class NimbleContactsRemoved
    {
        public NimbleContactsRemovedData? Data { get; set; }
        public string? Status { get; set; }
    }

    internal sealed class NimbleContactsRemovedData
    {
        public List<string>? Ids { get; set; }
    }

    /// <summary>What a bulk delete removed.</summary>
    public sealed class NimbleRemovedContacts
    {
        public NimbleRemovedContacts(IReadOnlyList<string> ids, string? status)
        {
            Ids = ids;
            Status = status;
        }

        public IReadOnlyList<string> Ids { get; }

        public int Count => Ids.Count;

        public string? Status { get; }

        public override string ToString() => $"{Count} contact(s) removed";
    }
}
