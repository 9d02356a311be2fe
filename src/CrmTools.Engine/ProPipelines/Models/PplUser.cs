using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A user of the account, as nested in leads, teams and comments (and listed by /users).</summary>
    public sealed class PplUser
    {
        public long Id { get; set; }

        [JsonPropertyName("firstname")]
        public string? FirstName { get; set; }

        [JsonPropertyName("lastname")]
        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? MobilePhone { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsManager { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsAdmin { get; set; }

        // The fields below come with GET /users and /users/{id}, not with the short shape nested in leads.

        public string? JobTitle { get; set; }

        public string? ImType { get; set; }

        public string? Im { get; set; }

        /// <summary>True once the user has activated the account.</summary>
        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? HasActivated { get; set; }

        /// <summary>True when an administrator deleted (disabled) the user.</summary>
        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsDisabled { get; set; }

        public string? Locale { get; set; }

        public string? TimeZone { get; set; }

        public string? Permalink { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string DisplayName
        {
            get
            {
                var name = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
                return name.Length > 0 ? name : Email ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public override string ToString() => DisplayName;
    }

    /// <summary>A team with its members.</summary>
    public sealed class PplTeam
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public PplUser[]? Users { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The answer of /auth/login and /auth/log_as.</summary>
    internal sealed class PplAuthToken
    {
        public string? Token { get; set; }
        public string? Slug { get; set; }
        public string? Locale { get; set; }
        public string? TimeZone { get; set; }
        public long? UserId { get; set; }
        public string? UserEmail { get; set; }
        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsAdmin { get; set; }
        public PplCurrency? Currency { get; set; }
    }

    public sealed class PplCurrency
    {
        public string? Code { get; set; }
        public string? Symbol { get; set; }
        public override string ToString() => Code ?? string.Empty;
    }

    /// <summary>The answer of /ping.</summary>
    internal sealed class PplPing
    {
        public int? Status { get; set; }
        public string? Message { get; set; }
    }
}
