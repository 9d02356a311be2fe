using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.LimeGo
{
    /// <summary>
    /// Push delivery: each raised event is POSTed as JSON (the same object as a feed item) to every subscription that
    /// asked for its type (or for every type), in the background, up to 3 tries. The vendor documents neither the body
    /// nor any signature (api-notes: open); this is the sandbox's choice.
    /// </summary>
    internal sealed class LimeGoPushDispatcher
    {
        private const int MaxTries = 3;
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        private readonly object _gate = new object();
        private readonly List<LimeGoSandboxDelivery> _deliveries = new List<LimeGoSandboxDelivery>();

        public IReadOnlyList<LimeGoSandboxDelivery> Deliveries
        {
            get { lock (_gate) return _deliveries.ToArray(); }
        }

        public void Clear()
        {
            lock (_gate) _deliveries.Clear();
        }

        /// <summary>Starts delivering <paramref name="events"/> to the matching subscriptions (a snapshot taken under the state lock).</summary>
        public void Deliver(IReadOnlyList<(LgSubscription Subscription, JsonObject Event)> deliveries)
        {
            foreach (var (subscription, ev) in deliveries)
            {
                var delivery = new LimeGoSandboxDelivery(subscription.Id, subscription.TargetUrl, (string?)ev["eventType"] ?? "", JsonText.ToText(ev));
                lock (_gate) _deliveries.Add(delivery);
                Task.Run(() => SendAsync(delivery));
            }
        }

        private static async Task SendAsync(LimeGoSandboxDelivery delivery)
        {
            for (var attempt = 1; attempt <= MaxTries; attempt++)
            {
                int status = 0;
                try
                {
                    using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
                    using var response = await Http.PostAsync(delivery.TargetUrl, content).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                }
                catch (Exception)
                {
                    status = 0; // unreachable target
                }
                delivery.Record(attempt, status);
                if (status >= 200 && status < 300) return;
                await Task.Delay(200 * attempt).ConfigureAwait(false);
            }
        }
    }
}
