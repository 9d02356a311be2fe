using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
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
