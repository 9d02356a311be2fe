using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>
    /// A Lime Go or Userlike delivery taken from the spool: which service, the event's id and name, when it was
    /// accepted, and the body as objects. <see cref="TypedBody"/> is the service's own model where the body reads as
    /// one (Lime Go: a LimeGoEvent; Userlike: a UserlikeConversation for conversation callbacks).
    /// </summary>
    public sealed class CrmWebhookEvent
    {
        internal CrmWebhookEvent(WebhookService service, string eventId, string? eventName, DateTimeOffset receivedAt, object? body)
        {
            Service = service.ToString();
            EventId = eventId;
            EventName = eventName;
            ReceivedAt = receivedAt;
            Body = body;
        }

        /// <summary>LimeGo or Userlike.</summary>
        public string Service { get; }

        /// <summary>The event's id field when the body has one, else "sha256:" and the body's hash (Userlike always:
        /// a callback's id is its chat session's or conversation's, shared by all of its events).</summary>
        public string EventId { get; }

        /// <summary>Lime Go: eventType (or event, type); Userlike: _type._event, e.g. chat_session.end.</summary>
        public string? EventName { get; }

        /// <summary>When the listener accepted the delivery.</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>The body as objects (nested objects and lists), as ConvertFrom-Json would give it.</summary>
        public object? Body { get; set; }

        /// <summary>The body as the service's typed model, when it reads as one; otherwise null.</summary>
        public object? TypedBody { get; set; }

        /// <summary>Userlike: the id of the chat session or conversation the callback is about.</summary>
        public string? ObjectId { get; internal set; }

        public override string ToString() => $"{Service} {EventName ?? EventId}";
    }

    /// <summary>Helpers over <see cref="Json.PlainJson"/> values.</summary>
    public static class WebhookJson
    {
        /// <summary>Whether a plain value is an object (a dictionary) as <see cref="ToPlain"/> makes them.</summary>
        public static bool IsObject(object? value) => value is IDictionary;
    }
}
