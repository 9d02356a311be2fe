using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>The token endpoint's answer.</summary>
    internal sealed class NimbleTokenResponse
    {
        public string? AccessToken { get; set; }
        public string? TokenType { get; set; }
        public int? ExpiresIn { get; set; }
        public string? RefreshToken { get; set; }
        public string? Scope { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>What -TokenCachePath keeps between sessions (protected on disk).</summary>
    internal sealed class NimbleTokenCacheEntry
    {
        public int Version { get; set; } = 1;
        public string? BaseUri { get; set; }
        public string? ClientId { get; set; }
        public string? RedirectUri { get; set; }
        public string? RefreshToken { get; set; }
        public string? AccessToken { get; set; }
        public long? AccessTokenExpiresUnix { get; set; }
        public string? Account { get; set; }
    }
}
