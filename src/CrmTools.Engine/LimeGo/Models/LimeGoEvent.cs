using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeGo.Models
{
    /// <summary>
    /// One event of the Lime Go feed (or a push delivery): what happened, when, to which deal or organization, and
    /// which coworker did it. Fields the model does not name are kept in <see cref="AdditionalProperties"/>.
    /// </summary>
    public sealed class LimeGoEvent
    {
        /// <summary>The event's place in the account's feed, as the service numbers it.</summary>
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Position { get; set; }

        /// <summary>DealWon, DealLost, DealStatusChange, OrganizationIsACustomer, MeetingBooked, ...</summary>
        public string? EventType { get; set; }

        /// <summary>When it happened (the service's timestamp, also read from "time" or "created").</summary>
        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? Timestamp
        {
            get => _timestamp ?? Time ?? Created;
            set => _timestamp = value;
        }

        private DateTimeOffset? _timestamp;

        [JsonInclude]
        [JsonPropertyName("time")]
        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        internal DateTimeOffset? Time { get; set; }

        [JsonInclude]
        [JsonPropertyName("created")]
        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        internal DateTimeOffset? Created { get; set; }

        /// <summary>The coworker who did it (who closed the deal, booked the meeting, ...).</summary>
        public LimeGoCoworker? Coworker { get; set; }

        /// <summary>The deal the event concerns (value, status), if any.</summary>
        public LimeGoDeal? Deal { get; set; }

        /// <summary>The organization the event concerns (relation), if any.</summary>
        public LimeGoOrganization? Organization { get; set; }

        /// <summary>Fields the service sent that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The deal's id (binds to Get-LimeGoDeal / Set-LimeGoDeal by property name).</summary>
        [JsonIgnore]
        public long? DealId => Deal?.Id;

        /// <summary>The organization's id (binds to Get-LimeGoOrganization / Set-LimeGoOrganization by property name).</summary>
        [JsonIgnore]
        public long? OrganizationId => Organization?.Id;

        /// <summary>What the event is about: the deal's name, else the organization's.</summary>
        [JsonIgnore]
        public string? Subject => Deal?.Name ?? Organization?.Name;

        public override string ToString() => $"{Position} {EventType} {Subject}".Trim();
    }
}
