using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>A note on a deal.</summary>
    public sealed class NimbleDealNote
    {
        public string? NoteId { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Created { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Updated { get; set; }

        public NimbleUserInfo? Creator { get; set; }

        /// <summary>The deal the note is on (the service's answer does not say; the module fills it in).</summary>
        public string? DealId { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => NoteId;

        public override string ToString() => Title ?? NoteId ?? string.Empty;
    }
}
