using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>A task (POST /api/v1/tasks answers with it).</summary>
    public sealed class NimbleTask
    {
        public string? Id { get; set; }
        public string? Subject { get; set; }
        public string? Notes { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? DueDate { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Completed { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsImportant { get; set; }

        public string? OwnerId { get; set; }
        public NimbleUserInfo? Owner { get; set; }
        public NimbleUserInfo? AssignedTo { get; set; }
        public NimbleTaskRelated? Related { get; set; }

        [JsonConverter(typeof(NimbleTagListConverter))]
        public string[]? Tags { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? TaskId => Id;

        public override string ToString() => Subject ?? Id ?? string.Empty;
    }

    public sealed class NimbleTaskRelated
    {
        public List<NimbleShortContact>? Contacts { get; set; }
        public JsonElement? NewDeals { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>A note on one or more contacts.</summary>
    public sealed class NimbleContactNote
    {
        public string? Id { get; set; }
        public string? Note { get; set; }
        public string? NotePreview { get; set; }
        public string? AuthorName { get; set; }
        public string? OwnerId { get; set; }
        public List<NimbleShortContact>? Contacts { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? NoteId => Id;

        public override string ToString() => NotePreview ?? Note ?? Id ?? string.Empty;
    }

    internal sealed class NimbleNoteListing
    {
        public NimblePageMeta? Meta { get; set; }
        public List<NimbleContactNote>? Resources { get; set; }
    }
}
