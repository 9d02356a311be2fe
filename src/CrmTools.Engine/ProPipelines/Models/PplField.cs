using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A field of lead or client folder descriptions ("Email: ..." lines).</summary>
    public sealed class PplField
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        /// <summary>What the field holds: unset, email, phone, first_name, custom1, ...</summary>
        public string? Type { get; set; }

        /// <summary>lead or client.</summary>
        public string? ParentType { get; set; }

        public int? Position { get; set; }

        /// <summary>True when the field is used to detect duplicate leads.</summary>
        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsKey { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An activity (call, e-mail, meeting, ...) that comments and reminders can carry.</summary>
    public sealed class PplActivity
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public string? Icon { get; set; }

        /// <summary>The parent activity (e.g. "Answered" under "Call").</summary>
        public long? ParentId { get; set; }

        public string? Color { get; set; }

        public string? Kind { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsDisabled { get; set; }

        public int? Position { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
