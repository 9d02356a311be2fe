using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>A deals pipeline with its stages.</summary>
    public sealed class NimblePipeline
    {
        public string? PipelineId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Color { get; set; }
        public string? DefaultCurrency { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsDefault { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ArchivedAt { get; set; }

        public NimbleUserInfo? Creator { get; set; }

        public List<NimbleStage>? Stages { get; set; }

        public List<NimbleLostReason>? LostReasons { get; set; }

        public JsonElement? Tabs { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => PipelineId;

        [JsonIgnore]
        public bool IsArchived => ArchivedAt.HasValue;

        /// <summary>The stage names in order, for display.</summary>
        [JsonIgnore]
        public string StageNames => string.Join(", ", (Stages ?? new List<NimbleStage>()).Where(s => s.ArchivedAt == null).Select(s => s.Name));

        public override string ToString() => Name ?? PipelineId ?? string.Empty;
    }

    /// <summary>A stage of a deals pipeline.</summary>
    public sealed class NimbleStage
    {
        public string? StageId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }

        /// <summary>The probability a deal in this stage gets when it has none of its own.</summary>
        public int? DefaultProbability { get; set; }

        public int? ExpectedDays { get; set; }

        public NimbleStageRole? Role { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ArchivedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        public NimbleUserInfo? Creator { get; set; }

        /// <summary>The pipeline id; the service spells it "pipline_id" (sic), "pipeline_id" is read too.</summary>
        public string? PipelineId
        {
            get => _pipelineId ?? PiplineId;
            set => _pipelineId = value;
        }

        private string? _pipelineId;

        [JsonInclude]
        [JsonPropertyName("pipline_id")]
        internal string? PiplineId { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => StageId;

        public override string ToString() => Name ?? StageId ?? string.Empty;
    }

    public sealed class NimbleStageRole
    {
        public string? Name { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsFinal { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    public sealed class NimbleLostReason
    {
        public string? Id { get; set; }
        public string? Text { get; set; }

        /// <summary>The pipeline the reason belongs to (set by Get-NimbleLostReason, not sent by Nimble).</summary>
        [JsonIgnore]
        public string? PipelineId { get; set; }

        /// <summary>The pipeline's name (set by Get-NimbleLostReason, not sent by Nimble).</summary>
        [JsonIgnore]
        public string? PipelineName { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Text ?? Id ?? string.Empty;
    }

    internal sealed class NimblePipelineList
    {
        public List<NimblePipeline>? Pipelines { get; set; }
    }
}
