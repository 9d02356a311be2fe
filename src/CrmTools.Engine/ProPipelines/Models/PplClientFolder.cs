using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A client folder (a company grouping leads).</summary>
    public sealed class PplClientFolder
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsActive { get; set; }

        /// <summary>The owner's user id.</summary>
        public long? UserId { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Fields, permalink and owner: only on a single folder (get, create, update).</summary>
        public PplClientFolderExtendedInfo? ExtendedInfo { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class PplClientFolderExtendedInfo
    {
        public string? Permalink { get; set; }

        /// <summary>The standard fields found in the description (email, phone, address, city, ...).</summary>
        public Dictionary<string, string?>? Fields { get; set; }

        /// <summary>The description's "Name: value" lines by field name.</summary>
        public Dictionary<string, string?>? FieldsByName { get; set; }

        public PplUser? User { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
