using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A webhook (POST to a URL) or a notification (an e-mail) subscribed to an event.</summary>
    public sealed class PplWebhook
    {
        public long Id { get; set; }

        public string? Event { get; set; }

        /// <summary>The URL or the e-mail address.</summary>
        public string? Target { get; set; }

        /// <summary>url (a webhook) or email (a notification).</summary>
        public string? TargetType { get; set; }

        public string? Name { get; set; }

        public JsonElement? Params { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsDisabled { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{Event} -> {Target}";
    }

    /// <summary>A webhook event the service sent (or tried to send), with the record it is about.</summary>
    public sealed class PplWebhookEvent
    {
        public long Id { get; set; }

        public string? Event { get; set; }

        /// <summary>Lowercase hex SHA-1 of the event id followed by the account's API key (see Test-PplWebhookSignature).</summary>
        public string? Signature { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? HasSucceeded { get; set; }

        public int? TryCount { get; set; }

        public int? LastReturnedCode { get; set; }

        /// <summary>The lead, for lead.* events.</summary>
        [JsonIgnore]
        public PplLead? Data { get; set; }

        /// <summary>The record as sent (a lead, a prospect, a task, ...).</summary>
        [JsonPropertyName("data")]
        public JsonElement? RawData { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{Id} {Event}";
    }

    /// <summary>The POST body of a webhook delivery: the event wrapped in "webhook_event".</summary>
    internal sealed class PplWebhookDelivery
    {
        public PplWebhookEvent? WebhookEvent { get; set; }
    }
}
