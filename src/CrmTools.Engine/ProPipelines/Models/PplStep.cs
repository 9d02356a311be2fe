using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A step of a pipeline ("Incoming", "In-touch", ...).</summary>
    public sealed class PplStep
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public int? Position { get; set; }

        public long? PipelineId { get; set; }

        public PplPipeline? Pipeline { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The pipeline's name, for display.</summary>
        [JsonIgnore]
        public string? PipelineName => Pipeline?.Name;

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A pipeline (a sequence of steps).</summary>
    public sealed class PplPipeline
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsDefault { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
