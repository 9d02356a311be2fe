using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>An activity (task, call, meeting...) as in the deal's overdue feed (GET /api/v2/deals/{id}/overdue).</summary>
    public sealed class NimbleActivity
    {
        /// <summary>The deal whose overdue feed listed the activity (set by the client).</summary>
        [JsonIgnore]
        public string? DealId { get; set; }

        public string? ActivityId { get; set; }

        public NimbleActivityType? ActivityType { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        /// <summary>high, medium or low.</summary>
        public string? Priority { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsImportant { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        /// <summary>When the activity was due (the spec leaves its form open: kept as sent).</summary>
        public JsonElement? ScheduledTstamp { get; set; }

        public JsonElement? CompletedTstamp { get; set; }

        public JsonElement? FeedTstamp { get; set; }

        public JsonElement? AssignedTo { get; set; }

        public JsonElement? Owner { get; set; }

        public JsonElement? RelatedContacts { get; set; }

        public JsonElement? NewRelatedDeals { get; set; }

        public JsonElement? Comments { get; set; }

        public JsonElement? Details { get; set; }

        [JsonConverter(typeof(NimbleTagListConverter))]
        public string[]? Tags { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => ActivityId;

        /// <summary>The activity type's name.</summary>
        [JsonIgnore]
        public string? Type => ActivityType?.TypeName ?? ActivityType?.TypeId;

        public override string ToString() => Name ?? ActivityId ?? string.Empty;
    }

    /// <summary>An activity type of the account.</summary>
    public sealed class NimbleActivityType
    {
        public string? TypeId { get; set; }

        public string? TypeName { get; set; }

        public string? LogoId { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Archived { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? CanUpdateLc { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? CanUpdateDefinition { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => TypeName ?? TypeId ?? string.Empty;
    }

    internal sealed class NimbleActivityFeed
    {
        public List<NimbleActivity>? Activities { get; set; }
    }
}
