using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A category of predefined tags.</summary>
    public sealed class PplCategory
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsRequired { get; set; }

        public int? Position { get; set; }

        /// <summary>The category's predefined tags (only when listed with -IncludeTag).</summary>
        [JsonPropertyName("supertags")]
        public PplPredefinedTag[]? Tags { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A predefined tag (the service calls them supertags), filed under a category.</summary>
    public sealed class PplPredefinedTag
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        /// <summary>The category's name.</summary>
        public string? Category { get; set; }

        public int? Position { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
