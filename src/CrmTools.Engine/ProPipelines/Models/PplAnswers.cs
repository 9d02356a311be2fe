using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>The answer of a delete: {"id": 8113}.</summary>
    internal sealed class PplIdAnswer
    {
        public long? Id { get; set; }
    }

    /// <summary>An answer carrying only a message, e.g. {"message": "Sending email..."}.</summary>
    internal sealed class PplMessageAnswer
    {
        public string? Message { get; set; }
    }

    /// <summary>An answer carrying only a link, e.g. {"url": "..."} for a download.</summary>
    internal sealed class PplUrlAnswer
    {
        public string? Url { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
