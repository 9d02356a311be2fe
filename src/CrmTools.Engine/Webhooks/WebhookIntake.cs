using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.Spool;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>
    /// Decides what to do with one delivery once its endpoint is known: checks the content type and the body,
    /// verifies a ProPipelines signature, and works out the event id (the de-duplication key) and the event name.
    /// No HTTP here, so every rule is testable on its own.
    /// </summary>
    internal static class WebhookIntake
    {
        /// <summary>Metadata keys stored with each spooled delivery.</summary>
        internal const string MetaService = "service";
        internal const string MetaEventId = "eventId";
        internal const string MetaEvent = "event";
        internal const string MetaContentType = "contentType";
        internal const string MetaRemote = "remote";
        internal const string MetaVerified = "verified";
        internal const string MetaObjectId = "objectId";

        /// <summary>Whether the media type is JSON (application/json, text/json, application/*+json), parameters ignored.</summary>
        public static bool IsJson(string? contentType)
        {
            if (string.IsNullOrWhiteSpace(contentType)) return false;
            var media = contentType!.Split(';')[0].Trim().ToLowerInvariant();
            return media == "application/json" || media == "text/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal));
        }

        public static WebhookDecision Evaluate(WebhookEndpoint endpoint, byte[] body, string? contentType, string? remote)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
            }
            catch (JsonException)
            {
                return WebhookDecision.Reject(400, "the body is not valid JSON");
            }
            using (document)
            {
                var root = document.RootElement;
                WebhookDecision decision = endpoint.Service switch
                {
                    WebhookService.Ppl => EvaluatePpl(endpoint, root),
                    WebhookService.LimeGo => EvaluateLimeGo(root, body),
                    _ => EvaluateUserlike(root, body),
                };
                if (!decision.Accepted) return decision;
                decision.Metadata[MetaService] = endpoint.Service.ToString();
                decision.Metadata[MetaContentType] = contentType ?? string.Empty;
                if (remote != null) decision.Metadata[MetaRemote] = remote;
                return decision;
            }
        }

        private static WebhookDecision EvaluatePpl(WebhookEndpoint endpoint, JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return WebhookDecision.Reject(400, "the body is not a ProPipelines webhook event (not a JSON object)");
            // The documented delivery wraps the event: {"webhook_event": {...}}; a bare event is accepted too.
            var ev = root.TryGetProperty("webhook_event", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : root;
            long? eventId = null;
            if (ev.TryGetProperty("id", out var id))
            {
                if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)) eventId = n;
                else if (id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) eventId = s;
            }
            var idText = eventId?.ToString(CultureInfo.InvariantCulture);
            if (!ev.TryGetProperty("signature", out var sig) || sig.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sig.GetString()))
            {
                return WebhookDecision.Reject(401, "unsigned delivery: the ProPipelines webhook event carries no signature" + (idText != null ? "; event " + idText : ""));
            }
            if (eventId == null || idText == null) return WebhookDecision.Reject(400, "the ProPipelines webhook event has no numeric id, so its signature cannot be checked");
            // The signature rule (SHA-1 of the id's decimal text and the key, compared in constant time) lives in one place.
            if (!PplWebhookSignature.Verify(eventId.Value, sig.GetString(), endpoint.PplApiKey!.Reveal()))
            {
                return WebhookDecision.Reject(401, "the signature does not match the API key; event " + idText);
            }
            var eventName = ev.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var decision = WebhookDecision.Accept("ppl:" + idText, idText, eventName);
            decision.Metadata[MetaVerified] = "true";
            return decision;
        }

        private static WebhookDecision EvaluateLimeGo(JsonElement root, byte[] body)
        {
            if (root.ValueKind != JsonValueKind.Object && root.ValueKind != JsonValueKind.Array)
            {
                return WebhookDecision.Reject(400, "the body is not a JSON object or array");
            }
            // The push body is not documented: an "id" (else the feed's "position") when there is one, else the body's hash.
            var eventId = Scalar(root, "id") ?? Scalar(root, "position") ?? "sha256:" + Sha256(body);
            var eventName = Scalar(root, "eventType") ?? Scalar(root, "event") ?? Scalar(root, "type");
            return WebhookDecision.Accept("limego:" + eventId, eventId, eventName);
        }

        private static WebhookDecision EvaluateUserlike(JsonElement root, byte[] body)
        {
            if (root.ValueKind != JsonValueKind.Object) return WebhookDecision.Reject(400, "the body is not a JSON object");
            var type = Scalar(root, "_type");
            var ev = Scalar(root, "_event");
            var eventName = type != null && ev != null ? type + "." + ev : type ?? ev;
            // A callback's "id" is the chat session's or conversation's, shared by its start, messages and end: it
            // cannot tell two events apart. The body's hash does (a redelivery repeats the body byte for byte).
            var eventId = "sha256:" + Sha256(body);
            var decision = WebhookDecision.Accept("userlike:" + eventId, eventId, eventName);
            var objectId = Scalar(root, "id");
            if (objectId != null) decision.Metadata[MetaObjectId] = objectId;
            return decision;
        }

        /// <summary>A top-level string or number property as text (name matched case-insensitively), else null.</summary>
        internal static string? Scalar(JsonElement root, string name)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var p in root.EnumerateObject())
            {
                if (!string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        var s = p.Value.GetString();
                        return string.IsNullOrWhiteSpace(s) ? null : s;
                    case JsonValueKind.Number:
                        return p.Value.GetRawText();
                    default:
                        return null;
                }
            }
            return null;
        }

        internal static string Sha256(byte[] body)
        {
            using var sha = SHA256.Create();
            return SpoolLayout.Hex(sha.ComputeHash(body));
        }
    }

    /// <summary>The outcome of <see cref="WebhookIntake.Evaluate"/>: accept (with the spool id and metadata) or reject (status and reason).</summary>
    internal sealed class WebhookDecision
    {
        private WebhookDecision(bool accepted, int status, string reason)
        {
            Accepted = accepted;
            Status = status;
            Reason = reason;
        }

        public bool Accepted { get; }
        public int Status { get; }

        /// <summary>Why it was rejected (for the log line and the answer; never holds a secret).</summary>
        public string Reason { get; }

        /// <summary>The de-duplication key in the spool: service prefix + event id.</summary>
        public string SpoolId { get; private set; } = string.Empty;

        public string EventId { get; private set; } = string.Empty;
        public string? EventName { get; private set; }
        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public static WebhookDecision Reject(int status, string reason) => new WebhookDecision(false, status, reason);

        public static WebhookDecision Accept(string spoolId, string eventId, string? eventName)
        {
            var d = new WebhookDecision(true, 200, string.Empty) { SpoolId = spoolId, EventId = eventId, EventName = eventName };
            d.Metadata[WebhookIntake.MetaEventId] = eventId;
            if (eventName != null) d.Metadata[WebhookIntake.MetaEvent] = eventName;
            return d;
        }
    }
}
