using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>A user of the account as nested in deals, stages, notes and tasks.</summary>
    public sealed class NimbleUserInfo
    {
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? AvatarUrl { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsActive { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Email ?? UserId ?? string.Empty;
    }

    /// <summary>GET /api/v1/myself: who the token acts for.</summary>
    public sealed class NimbleMyself
    {
        public string? UserId { get; set; }
        public string? CompanyId { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public int? CompanySize { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
