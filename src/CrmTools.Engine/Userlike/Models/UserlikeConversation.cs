using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.Engine.Userlike
{
    /// <summary>
    /// A Userlike conversation as its webhook, API and add-ons deliver it: ids, status, channel, times, the
    /// contact, the operator, the widget, and the transcript as typed <see cref="Messages"/> with a
    /// <see cref="Transcript"/> text that reads like the chat. Every field of the payload is reachable: those
    /// this model does not name are kept in <see cref="AdditionalProperties"/> (at every level).
    /// </summary>
    public sealed class UserlikeConversation
    {
        private string? _transcript;

        public long Id { get; set; }

        public string? Uuid { get; set; }

        /// <summary>new, open, pending, resolved, ...</summary>
        public string? Status { get; set; }

        public string? StatusDescription { get; set; }

        public string? Subject { get; set; }

        /// <summary>human, bot, ...</summary>
        public string? InteractionType { get; set; }

        public string? Locale { get; set; }

        public string? LanguageName { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? EndedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? LastMessageSentAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ContactFirstMessageSentAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ContactLastMessageSentAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ContactLastUpdateAt { get; set; }

        public UserlikeContact? Contact { get; set; }

        public UserlikeContactChannel? ContactChannel { get; set; }

        public string? ConversationContactUuid { get; set; }

        public long? ConversationGroupId { get; set; }

        public List<UserlikeConversationPart>? ConversationPartSet { get; set; }

        /// <summary>The transcript: every message and event, in order.</summary>
        [JsonPropertyName("transcript")]
        public List<UserlikeMessage>? Messages { get; set; }

        public UserlikeMessage? LastMessage { get; set; }

        public string? LastFetchableMsgid { get; set; }

        /// <summary>The id of the operator the conversation is assigned to.</summary>
        public long? OperatorAssignedTo { get; set; }

        public string? OperatorAssignedToEmail { get; set; }

        public UserlikeRoutingInfo? RoutingInfo { get; set; }

        [JsonPropertyName("um_widget")]
        public UserlikeWidget? Widget { get; set; }

        [JsonPropertyName("um_widget_goals")]
        [JsonConverter(typeof(PlainJsonConverter))]
        public object? WidgetGoals { get; set; }

        public long? CustomerId { get; set; }

        public long? OrganizationId { get; set; }

        public long? NextConversationId { get; set; }

        public long? PreviousConversationId { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? AcceptsMessages { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? DataPrivacy { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? SlotReserved { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? MarkedReadContact { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? MarkedReadOperator { get; set; }

        public int? ExpiryState { get; set; }

        public int? PageImpressions { get; set; }

        public int? Visits { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Rate { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? FeedbackMessage { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? PreSurveyOption { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? PostSurveyOption { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Topics { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Notes { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? UnreadMessagesOperator { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Custom { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? CustomFieldData { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? AddonUrls { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ChannelCustomContactIdentifier { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ChannelCustomConversationIdentifier { get; set; }

        /// <summary>The payload's _type (conversation).</summary>
        [JsonPropertyName("_type")]
        public string? PayloadType { get; set; }

        /// <summary>The payload's _event (what made Userlike send it: ended, received_unread, ...).</summary>
        [JsonPropertyName("_event")]
        public string? PayloadEvent { get; set; }

        /// <summary>Fields the payload had that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The channel the contact wrote on (web, whatsapp, ...).</summary>
        [JsonIgnore]
        public string? Channel => ContactChannel?.Type;

        /// <summary>The assigned operator: id and e-mail from the conversation, names from their messages.</summary>
        [JsonIgnore]
        public UserlikeOperator? Operator
        {
            get
            {
                var id = OperatorAssignedTo;
                var message = AllMessages().FirstOrDefault(m => m.OperatorId.HasValue && (id == null || m.OperatorId == id) &&
                                                               !string.IsNullOrWhiteSpace(m.OperatorName ?? m.OperatorDisplayName));
                if (id == null && OperatorAssignedToEmail == null && message == null) return null;
                return new UserlikeOperator
                {
                    Id = id ?? message?.OperatorId,
                    Name = NonEmpty(message?.OperatorName),
                    DisplayName = NonEmpty(message?.OperatorDisplayName) ?? NonEmpty(message?.OperatorName),
                    Email = OperatorAssignedToEmail,
                    IsBot = message?.OperatorIsBot == true,
                };
            }
        }

        /// <summary>Where the contact was: the first conversation part's location, else the contact's city and country.</summary>
        [JsonIgnore]
        public UserlikeLocation? Location =>
            ConversationPartSet?.Select(p => p.Location).FirstOrDefault(l => l != null) ??
            (Contact != null && (Contact.City != null || Contact.Country != null || Contact.LocLat != null)
                ? new UserlikeLocation { City = Contact.City, Country = Contact.Country, Lat = Contact.LocLat, Lon = Contact.LocLon }
                : null);

        [JsonIgnore]
        public int MessageCount => Messages?.Count ?? 0;

        /// <summary>The transcript as text that reads like the chat (times in UTC).</summary>
        [JsonIgnore]
        public string Transcript => _transcript ??= UserlikeTranscript.Render(this);

        /// <summary>Where the conversation was read from: a file path or "pipeline item N".</summary>
        [JsonIgnore]
        public string? Source { get; set; }

        /// <summary>The payload as it was read (for mapping paths into it).</summary>
        internal JsonElement Payload { get; set; }

        public override string ToString() => $"Userlike conversation {Id}";

        internal IEnumerable<UserlikeMessage> AllMessages() =>
            (Messages ?? Enumerable.Empty<UserlikeMessage>()).Concat(LastMessage != null ? new[] { LastMessage } : Enumerable.Empty<UserlikeMessage>());

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
