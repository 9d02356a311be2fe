using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.Engine.Userlike
{
    /// <summary>The channel the contact wrote on (web, whatsapp, ...).</summary>
    public sealed class UserlikeContactChannel
    {
        public string? Type { get; set; }

        public string? State { get; set; }

        public string? Name { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Id { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Type ?? string.Empty;
    }

    /// <summary>One part of a conversation (a chat session with its visitor data).</summary>
    public sealed class UserlikeConversationPart
    {
        public long? Id { get; set; }

        public string? PartType { get; set; }

        public string? NameFriendly { get; set; }

        public string? CategoryLabel { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Live { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? EndedAt { get; set; }

        /// <summary>The duration as Userlike writes it ("00:00:45").</summary>
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Duration { get; set; }

        public string? Referrer { get; set; }

        public UserlikeLocation? Location { get; set; }

        public UserlikeBrowser? Browser { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary><see cref="Duration"/> as a TimeSpan, when it reads as one.</summary>
        [JsonIgnore]
        public TimeSpan? DurationTime =>
            TimeSpan.TryParse(Duration, CultureInfo.InvariantCulture, out var t) ? t : (TimeSpan?)null;

        public override string ToString() => $"{PartType} {Id}";
    }

    /// <summary>Where the visitor was.</summary>
    public sealed class UserlikeLocation
    {
        public string? City { get; set; }

        public string? Country { get; set; }

        public string? CountryCode { get; set; }

        public double? Lat { get; set; }

        public double? Lon { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() =>
            string.Join(", ", new[] { City, Country }.NonEmpty());
    }

    /// <summary>The visitor's browser.</summary>
    public sealed class UserlikeBrowser
    {
        public string? Name { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Version { get; set; }

        public string? Os { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{Name} {Version} ({Os})".Trim();
    }

    /// <summary>How the conversation was routed to an operator group.</summary>
    public sealed class UserlikeRoutingInfo
    {
        public string? Mode { get; set; }

        public UserlikeOperatorGroup? OperatorGroup { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Skills { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => OperatorGroup?.Name ?? Mode ?? string.Empty;
    }

    public sealed class UserlikeOperatorGroup
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>The chat widget the conversation came through.</summary>
    public sealed class UserlikeWidget
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public string? LanguageName { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>The operator the conversation is assigned to, gathered from the conversation and its messages.</summary>
    public sealed class UserlikeOperator
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public bool IsBot { get; set; }

        public override string ToString() => DisplayName ?? Name ?? Email ?? Id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }

    internal static class TextParts
    {
        public static IEnumerable<string> NonEmpty(this IEnumerable<string?> values)
        {
            foreach (var v in values) if (!string.IsNullOrWhiteSpace(v)) yield return v!;
        }
    }
}
