using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Turns account events into webhook events and POSTs them to url targets as
    /// <c>{"webhook_event": {id, event, signature, has_succeeded, try_count, last_returned_code, data}}</c>,
    /// signature = lowercase hex SHA-1 of (event id as decimal text + API key). Deliveries run in the
    /// background with a few retries and are recorded for GET /webhook_events.
    /// </summary>
    internal sealed class PplWebhookDispatcher
    {
        private const int MaxTries = 3;
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        private readonly PplState _state;

        public PplWebhookDispatcher(PplState state) => _state = state;

        /// <summary>Records one event per matching webhook (under the state lock); url targets are
        /// delivered once the request has released the lock.</summary>
        public static void Raise(PplCall call, string eventName, JsonNode data)
        {
            var s = call.State;
            foreach (var hook in s.Webhooks)
            {
                if (hook.IsDisabled || !string.Equals(hook.Event, eventName, StringComparison.OrdinalIgnoreCase)) continue;
                int id = s.NextId("webhook_event", 1);
                var ev = new PplWebhookEvent
                {
                    Id = id,
                    WebhookId = hook.Id,
                    Event = hook.Event,
                    Signature = Sign(id, s.ApiKey),
                    DataJson = JsonText.ToText(data),
                    CreatedAt = s.Now,
                    UpdatedAt = s.Now,
                    Target = hook.Target,
                    TargetType = hook.TargetType,
                };
                if (hook.TargetType != "url")
                {
                    ev.HasSucceeded = true; // an e-mail notification: nothing to deliver here
                    ev.TryCount = 1;
                }
                s.WebhookEvents.Add(ev);
                if (hook.TargetType == "url") call.RaisedEvents.Add(ev);
            }
        }

        public static void RaiseLead(PplCall call, string eventName, PplLead lead)
        {
            if (!HasSubscriber(call.State, eventName)) return; // building the payload is not free
            Raise(call, eventName, PplWebhookJson.Lead(call.State, lead));
        }

        public static bool HasSubscriber(PplState s, string eventName) =>
            s.Webhooks.Exists(h => !h.IsDisabled && string.Equals(h.Event, eventName, StringComparison.OrdinalIgnoreCase));

        public static string Sign(int eventId, string apiKey)
        {
            using var sha1 = SHA1.Create();
            var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(eventId.ToString(CultureInfo.InvariantCulture) + apiKey));
            var sb = new StringBuilder(40);
            foreach (var b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>Starts the background delivery of a url webhook event.</summary>
        public void Deliver(PplWebhookEvent ev)
        {
            if (!Uri.TryCreate(ev.Target, UriKind.Absolute, out var target) || (target.Scheme != "http" && target.Scheme != "https"))
            {
                lock (_state.Sync) { ev.TryCount = 1; ev.HasSucceeded = false; }
                return;
            }
            Task.Run(() => DeliverAsync(ev, target));
        }

        private async Task DeliverAsync(PplWebhookEvent ev, Uri target)
        {
            for (int attempt = 1; attempt <= MaxTries; attempt++)
            {
                string body;
                lock (_state.Sync)
                {
                    ev.TryCount = attempt;
                    body = JsonText.ToText(new JsonObject { ["webhook_event"] = PplWebhookJson.Event(ev) });
                }
                int? code = null;
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await Http.PostAsync(target, content).ConfigureAwait(false);
                    code = (int)response.StatusCode;
                }
                catch (Exception)
                {
                    code = null; // unreachable target
                }
                bool ok = code >= 200 && code < 300;
                lock (_state.Sync)
                {
                    ev.LastReturnedCode = code;
                    ev.HasSucceeded = ok;
                    ev.UpdatedAt = _state.Now;
                }
                if (ok) return;
                await Task.Delay(200 * attempt).ConfigureAwait(false);
            }
        }
    }
}
