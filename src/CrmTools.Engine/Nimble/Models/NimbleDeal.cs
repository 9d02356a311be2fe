using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>
    /// A Nimble deal (API v2). Standard and custom field values live in <see cref="FieldsValuesWithNames"/>
    /// (by field name) and <see cref="FieldsValues"/> (by field id); the standard ones are also properties.
    /// The pipeline and stage come from the deal's stage transitions.
    /// </summary>
    public sealed class NimbleDeal
    {
        public string? DealId { get; set; }

        public long? DealNumber { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        public string? UpdatedBy { get; set; }

        public string? Currency { get; set; }

        public NimbleUserInfo? Owner { get; set; }

        public NimbleUserInfo? Creator { get; set; }

        public List<NimbleDealContact>? RelatedContacts { get; set; }

        public JsonElement? RelatedExternalContacts { get; set; }

        public JsonElement? Privacy { get; set; }

        [JsonConverter(typeof(NimbleTagListConverter))]
        public string[]? Tags { get; set; }

        public int? FinalProbability { get; set; }

        [JsonConverter(typeof(FlexibleDecimalConverter))]
        public decimal? AgeInDays { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsEditable { get; set; }

        /// <summary>Field id to values.</summary>
        public Dictionary<string, JsonElement>? FieldsValues { get; set; }

        /// <summary>Field name to values.</summary>
        public Dictionary<string, JsonElement>? FieldsValuesWithNames { get; set; }

        public NimbleStageTransitions? StageTransitions { get; set; }

        public JsonElement? Files { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => DealId;

        [JsonIgnore]
        public string? Name => Field("name");

        [JsonIgnore]
        public decimal? Amount => NimbleValues.ParseDecimal(Field("amount"));

        /// <summary>The deal's own probability, or the stage's default when it has none.</summary>
        [JsonIgnore]
        public int? Probability => FinalProbability ?? (int?)NimbleValues.ParseDecimal(Field("probability"));

        [JsonIgnore]
        public string? Description => Field("description");

        [JsonIgnore]
        public DateTimeOffset? ExpectedCloseDate => FlexibleDateTimeOffsetConverter.Parse(Field("expected_close_date"));

        [JsonIgnore]
        public string? PipelineId => Extra("pipeline_id") ?? StageTransitions?.PipelineId;

        [JsonIgnore]
        public string? PipelineName => StageTransitions?.PipelineName;

        [JsonIgnore]
        public string? StageId => Extra("stage_id") ?? CurrentStage?.StageId;

        [JsonIgnore]
        public string? StageName => CurrentStage?.Name;

        [JsonIgnore]
        public string? OwnerName => Owner?.Name;

        private NimbleStage? CurrentStage => StageTransitions?.Transitions?.LastOrDefault(t => t.ToStage != null)?.ToStage;

        /// <summary>The first value of a field, by name (standard fields: name, amount, probability, description, expected_close_date).</summary>
        public string? Field(string name)
        {
            if (FieldsValuesWithNames == null) return null;
            foreach (var pair in FieldsValuesWithNames)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) return FirstValue(pair.Value);
            }
            return null;
        }

        private string? Extra(string name) =>
            AdditionalProperties != null && AdditionalProperties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        // [{"value": "x", "is_primary": true}], {"value": "x"}, or a bare value.
        private static string? FirstValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) return FirstValue(item);
                    return null;
                case JsonValueKind.Object:
                    return element.TryGetProperty("value", out var v) ? FirstValue(v) : null;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return element.GetRawText();
                default:
                    return null;
            }
        }

        public override string ToString() => Name ?? DealId ?? string.Empty;
    }

    /// <summary>A contact taking part in a deal.</summary>
    public sealed class NimbleDealContact
    {
        public NimbleShortContact? Contact { get; set; }
        public string? Note { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Contact?.ToString() ?? string.Empty;
    }

    /// <summary>A contact as nested in deals, notes and tasks.</summary>
    public sealed class NimbleShortContact
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? ContactType { get; set; }
        public string? AvatarUrl { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>How a deal moved through its pipeline's stages.</summary>
    public sealed class NimbleStageTransitions
    {
        public string? PipelineId { get; set; }
        public string? PipelineName { get; set; }
        public string? PipelineColor { get; set; }
        public List<NimbleStageTransition>? Transitions { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class NimbleStageTransition
    {
        public NimbleStage? FromStage { get; set; }
        public NimbleStage? ToStage { get; set; }
        public NimbleUserInfo? Who { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? When { get; set; }

        public string? Notes { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    internal sealed class NimbleDealListing
    {
        public NimblePageMeta? Meta { get; set; }
        public List<NimbleDeal>? Resources { get; set; }
    }

    internal sealed class NimbleDealsByStage
    {
        public List<NimbleDealStageGroup>? Stages { get; set; }
    }

    internal sealed class NimbleDealStageGroup
    {
        public List<NimbleDeal>? Deals { get; set; }
        public NimbleStage? Stage { get; set; }
        public NimbleDealStageGroupMeta? Meta { get; set; }
    }

    internal sealed class NimbleDealStageGroupMeta
    {
        public string? NextPageUrl { get; set; }
    }

    internal sealed class NimbleDealsByOwner
    {
        public List<NimbleDealOwnerGroup>? Groups { get; set; }
    }

    internal sealed class NimbleDealOwnerGroup
    {
        public List<NimbleDeal>? Deals { get; set; }
        public NimbleUserInfo? Owner { get; set; }
        public NimbleDealStageGroupMeta? Meta { get; set; }
    }
}
