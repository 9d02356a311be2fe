using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>What POST /webhooks is given: a URL (webhook) or an e-mail address (notification).</summary>
    public sealed class PplNewWebhook
    {
        public string? Event { get; set; }
        /// <summary>Where to POST each event (a webhook).</summary>
        public Uri? Uri { get; set; }
        /// <summary>Where to e-mail each event (a notification).</summary>
        public string? Email { get; set; }
        public string? Name { get; set; }
        /// <summary>For lead.manual.trigger: add the webhook to the lead's action menu.</summary>
        public bool AddToLeadActionMenu { get; set; }

        internal PplJsonBody ToBody()
        {
            var eventName = PplWebhookEvents.Normalize(Event);
            if ((Uri == null) == (Email == null))
            {
                throw new CrmValidationException("Ppl", "Uri", "Give either -Uri (a webhook) or -Email (a notification).");
            }
            if (Uri != null && (!Uri.IsAbsoluteUri || (Uri.Scheme != System.Uri.UriSchemeHttp && Uri.Scheme != System.Uri.UriSchemeHttps)))
            {
                throw new CrmValidationException("Ppl", "Uri", $"'{Uri}' is not an absolute http(s) address.");
            }
            if (Email != null && Email.Trim().IndexOf('@') <= 0)
            {
                throw new CrmValidationException("Ppl", "Email", $"'{Email}' is not an e-mail address.");
            }
            if (AddToLeadActionMenu && eventName != PplWebhookEvents.ManualTrigger)
            {
                throw new CrmValidationException("Ppl", "AddToLeadActionMenu", $"-AddToLeadActionMenu applies to the {PplWebhookEvents.ManualTrigger} event only.");
            }
            return new PplJsonBody()
                .Add("event", eventName)
                .Add("target_type", Uri != null ? "url" : "email")
                .Add("target", Uri != null ? Uri.AbsoluteUri : Email!.Trim())
                .Add("name", Name)
                .Add("add_to_lead_action_menu", AddToLeadActionMenu ? true : (bool?)null);
        }
    }

    /// <summary>/webhooks and /webhook_events (API key only; events for admins), and reading deliveries.</summary>
    public sealed class PplWebhooksApi : PplApiBase
    {
        internal PplWebhooksApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplWebhook>> ListAsync(CancellationToken cancellationToken)
        {
            RequireApiKey();
            return GetListAsync("webhooks", "Webhook", PplJsonContext.Default.ListPplWebhook, cancellationToken);
        }

        public Task<PplWebhook> RegisterAsync(PplNewWebhook webhook, CancellationToken cancellationToken)
        {
            var body = webhook.ToBody();
            RequireApiKey();
            return SendAsync(Post, "webhooks", "Webhook", body, PplJsonContext.Default.PplWebhook, cancellationToken);
        }

        public async Task RemoveAsync(long id, CancellationToken cancellationToken)
        {
            RequireApiKey();
            await SendAsync(Delete, PathOf("webhooks", id), "Webhook", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Events sent in the last days (the service keeps about 10), newest first.</summary>
        public async Task<IReadOnlyList<PplWebhookEvent>> ListEventsAsync(CancellationToken cancellationToken)
        {
            var list = await GetListAsync("webhook_events", "WebhookEvent", PplJsonContext.Default.ListPplWebhookEvent, cancellationToken).ConfigureAwait(false);
            foreach (var e in list) Type(e);
            return list;
        }

        public async Task<PplWebhookEvent> GetEventAsync(long id, CancellationToken cancellationToken) =>
            Type(await GetAsync(PathOf("webhook_events", id), "WebhookEvent", PplJsonContext.Default.PplWebhookEvent, cancellationToken).ConfigureAwait(false));

        /// <summary>Checks an event's signature against this connection's API key (which never leaves the engine).</summary>
        public bool VerifySignature(long eventId, string? signature)
        {
            var key = Connection.ApiKeySecret ?? throw new CrmValidationException("Ppl", "ApiKey",
                "This connection has no API key to check signatures with: give -ApiKey, or connect with one.");
            return PplWebhookSignature.Verify(eventId, signature, key.Reveal());
        }

        /// <summary>
        /// Reads a webhook event as received: the delivery body {"webhook_event": {...}} or the bare
        /// event. A lead event's data becomes a typed lead.
        /// </summary>
        public static PplWebhookEvent ParseEvent(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) throw new CrmValidationException("Ppl", "Body", "The webhook body is empty.");
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("webhook_event", out var inner)) root = inner;
                var parsed = root.Deserialize(PplJsonContext.Default.PplWebhookEvent);
                if (parsed == null || parsed.Id == 0) throw new JsonException("There is no event id.");
                return Type(parsed);
            }
            catch (JsonException ex)
            {
                throw new CrmValidationException("Ppl", "Body", "This is not a ProPipelines webhook event: " + ex.Message);
            }
        }

        /// <summary>Lead events carry a lead: type it, with the plain description where the HTML one came too.</summary>
        private static PplWebhookEvent Type(PplWebhookEvent e)
        {
            if (e.RawData is JsonElement data && data.ValueKind == JsonValueKind.Object &&
                e.Event != null && e.Event.StartsWith("lead.", StringComparison.OrdinalIgnoreCase))
            {
                var lead = data.Deserialize(PplJsonContext.Default.PplLead);
                if (lead != null && lead.TextDescription != null && lead.HtmlDescription == null)
                {
                    lead.HtmlDescription = lead.Description;
                    lead.Description = lead.TextDescription;
                }
                e.Data = lead;
            }
            return e;
        }

        private void RequireApiKey()
        {
            if (Connection.HasUserToken)
            {
                throw new CrmValidationException("Ppl", "Connection",
                    "Webhooks are managed with the API key only (the service refuses a user token): connect with -ApiKey.") { ErrorId = "ApiKeyRequired" };
            }
        }
    }
}
