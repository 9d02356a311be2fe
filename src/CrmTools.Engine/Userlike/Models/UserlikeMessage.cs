using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CrmTools.Engine.Json;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.Engine.Userlike
{
    /// <summary>Who wrote a message.</summary>
    public enum UserlikeSenderKind
    {
        Unknown,
        Contact,
        Operator,
        Bot,
        System,
    }

    /// <summary>One entry of a conversation's transcript: a message, or an event such as a status change.</summary>
    public sealed class UserlikeMessage
    {
        private static readonly Regex Emphasis = new Regex(@"(\*\*|__)(.+?)\1", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>The message id ("conversation.part.message").</summary>
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Uuid { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Msgid { get; set; }

        public long? ConversationId { get; set; }

        public string? ConversationUuid { get; set; }

        public long? PartId { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? SentAt { get; set; }

        /// <summary>The time of day as Userlike writes it ("15:49:23.146").</summary>
        public string? SentAtTime { get; set; }

        /// <summary>message, notification, ...</summary>
        public string? Type { get; set; }

        /// <summary>For events: welcome_message, status_change, ...</summary>
        public string? Event { get; set; }

        /// <summary>automated, system, ...</summary>
        public string? Representation { get; set; }

        public string? Body { get; set; }

        public string? BodyPlain { get; set; }

        /// <summary>markdown_v1, plain_text, ...</summary>
        public string? TextFormat { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsMarkdownFormatted { get; set; }

        public UserlikeSender? Sender { get; set; }

        public long? OperatorId { get; set; }

        public string? OperatorName { get; set; }

        public string? OperatorDisplayName { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? OperatorIsBot { get; set; }

        /// <summary>The sender's name as Userlike labels the message ("Contact", "Event", the operator's name).</summary>
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        /// <summary>For a status change: the new and the previous status.</summary>
        public string? Status { get; set; }

        public string? PreviousStatus { get; set; }

        public UserlikeMessageState? State { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? CanHaveState { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? MarkedReadOperator { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? MarkedReadContact { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? LinksFound { get; set; }

        public string? Url { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Reference { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ExternalId { get; set; }

        public UserlikeConversationRef? Conversation { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Contact, Operator, Bot or System (an operator message from a bot is Bot).</summary>
        [JsonIgnore]
        public UserlikeSenderKind SenderKind
        {
            get
            {
                switch (Sender?.Type?.ToLowerInvariant())
                {
                    case "contact": return UserlikeSenderKind.Contact;
                    case "operator": return OperatorIsBot == true ? UserlikeSenderKind.Bot : UserlikeSenderKind.Operator;
                    case "bot": return UserlikeSenderKind.Bot;
                    case "system": return UserlikeSenderKind.System;
                }
                if (OperatorIsBot == true) return UserlikeSenderKind.Bot;
                if (OperatorId.HasValue) return UserlikeSenderKind.Operator;
                return UserlikeSenderKind.Unknown;
            }
        }

        /// <summary>True for events (welcome messages, status changes, ...) rather than messages someone typed.</summary>
        [JsonIgnore]
        public bool IsEvent => !string.IsNullOrEmpty(Event) || (Type != null && !string.Equals(Type, "message", StringComparison.OrdinalIgnoreCase));

        /// <summary>The plain text of the message (Markdown emphasis removed).</summary>
        [JsonIgnore]
        public string Text => Emphasis.Replace((BodyPlain ?? Body ?? string.Empty).Trim(), "$2");

        /// <summary>Who wrote it: the operator's name, "Contact", "System".</summary>
        [JsonIgnore]
        public string SenderName
        {
            get
            {
                switch (SenderKind)
                {
                    case UserlikeSenderKind.Operator:
                    case UserlikeSenderKind.Bot:
                        return NonEmpty(OperatorDisplayName) ?? NonEmpty(OperatorName) ?? NonEmpty(DisplayName) ?? "Operator";
                    case UserlikeSenderKind.Contact:
                        return NonEmpty(DisplayName) ?? "Contact";
                    case UserlikeSenderKind.System:
                        return "System";
                    default:
                        return NonEmpty(DisplayName) ?? NonEmpty(Name) ?? "Unknown";
                }
            }
        }

        public override string ToString() => $"{SenderName}: {Text}";

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Who sent a message: {type, id}.</summary>
    public sealed class UserlikeSender
    {
        public string? Type { get; set; }

        public long? Id { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{Type} {Id}".Trim();
    }

    /// <summary>A message's delivery state: {type, error_code, message}.</summary>
    public sealed class UserlikeMessageState
    {
        public int? Type { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? ErrorCode { get; set; }

        public string? Message { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Message ?? string.Empty;
    }

    /// <summary>The conversation a message belongs to: {id, uuid}.</summary>
    public sealed class UserlikeConversationRef
    {
        public long? Id { get; set; }

        public string? Uuid { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Uuid ?? string.Empty;
    }
}
