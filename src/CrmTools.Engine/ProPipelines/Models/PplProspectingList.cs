using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A prospecting list (the service calls it a spreadsheet): columns and prospects (rows).</summary>
    public sealed class PplProspectingList
    {
        public long Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public int? ColumnCount { get; set; }

        public string[]? ColumnNames { get; set; }

        /// <summary>The service's privacy code (0 when shared with everyone).</summary>
        public int? Privacy { get; set; }

        public string[]? Tags { get; set; }

        public string? Permalink { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsArchived { get; set; }

        /// <summary>The owner.</summary>
        public PplUser? User { get; set; }

        /// <summary>The prospects; only a single list (get, create) carries them.</summary>
        [JsonPropertyName("spreadsheet_rows")]
        public PplProspect[]? Prospects { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Owner => User?.DisplayName;

        public override string ToString() => Title ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A prospect: one row of a prospecting list.</summary>
    public sealed class PplProspect
    {
        public long Id { get; set; }

        /// <summary>The list the prospect is in (set by the module when the service leaves it out).</summary>
        [JsonPropertyName("spreadsheet_id")]
        public long? ProspectingListId { get; set; }

        /// <summary>The lead created from this prospect, if any.</summary>
        public long? LeadId { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsActive { get; set; }

        /// <summary>The cells, in the list's column order.</summary>
        public string?[]? Content { get; set; }

        public int? CommentCount { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Content == null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Join(", ", Content);
    }
}
