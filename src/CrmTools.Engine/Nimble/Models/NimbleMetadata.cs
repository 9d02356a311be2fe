using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>
    /// One contact field of the account (from the fields metadata), with where it sits (tab, group), its modifier,
    /// its kind and, for choice fields, its choices: what -Field of New-NimbleContact and -Query can use.
    /// </summary>
    public sealed class NimbleContactField
    {
        public string? Name { get; set; }
        public string? FieldId { get; set; }

        /// <summary>The modifier of this entry ("" for fields without modifiers).</summary>
        public string? Modifier { get; set; }

        /// <summary>string, long_string, choice, number, datetime, boolean, address, attachment, user, employment.</summary>
        public string? Kind { get; set; }

        public bool Multiples { get; set; }
        public bool ReadOnly { get; set; }
        public string? Tab { get; set; }
        public string? Group { get; set; }

        /// <summary>person, company or both (the tab's contact types).</summary>
        public string? ContactTypes { get; set; }

        public IReadOnlyList<string> Choices { get; set; } = Array.Empty<string>();
        public string? AvailableActions { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Modifier) ? Name ?? string.Empty : $"{Name} ({Modifier})";
    }

    internal sealed class NimbleFieldsMetadata
    {
        public List<NimbleFieldsTab>? Tabs { get; set; }
    }

    internal sealed class NimbleFieldsTab
    {
        public string? TabId { get; set; }
        public string? TabName { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ContactTypes { get; set; }

        public List<NimbleFieldsMember>? Members { get; set; }
    }

    /// <summary>A tab member: a group (with fields) or a field; "type" tells which.</summary>
    internal sealed class NimbleFieldsMember
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public string? GroupId { get; set; }
        public List<NimbleFieldsMember>? Fields { get; set; }
        public string? FieldId { get; set; }
        public string? Modifier { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Multiples { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? ReadOnly { get; set; }

        public JsonElement? FieldType { get; set; }
        public string? AvailableActions { get; set; }
    }

    /// <summary>Last month's won deals (GET /api/v2/deals/widget/won_last_month).</summary>
    public sealed class NimbleDealSummary
    {
        [JsonConverter(typeof(FlexibleDecimalConverter))]
        public decimal? LastMonthWonAmount { get; set; }

        public int? LastMonthWonCount { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>A deal tag.</summary>
    public sealed class NimbleTag
    {
        public string? Name { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>The progress of a tag assignment to the deals a query finds (POST /api/v2/deals/tags: push_data).</summary>
    public sealed class NimbleTagAssignment
    {
        public string? OperationId { get; set; }

        public int? Processed { get; set; }

        public int? Total { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? StartedAt { get; set; }

        public bool? IsCompleted { get; set; }

        /// <summary>The deals that could not be tagged, as Nimble reports them.</summary>
        public List<JsonElement>? Errors { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    internal sealed class NimbleTagAssignmentAnswer
    {
        public NimbleTagAssignment? PushData { get; set; }
    }

    internal sealed class NimbleTagList
    {
        public List<NimbleTag>? Tags { get; set; }
    }
}
