using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>Many senders at once, every event sent twice: all stored, none twice.</summary>
    public sealed class WebhookBurstTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly PsSession _session = new PsSession();
        private readonly TempFolder _spool = new TempFolder("crmtools-burst");

        public WebhookBurstTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task A_burst_of_parallel_deliveries_each_sent_twice_is_all_stored_once()
        {
            const int events = 2000;
            const int senders = 16;
            var key = "burst-key-" + Guid.NewGuid().ToString("N");
            var vars = new Dictionary<string, object?>
            {
                ["Key"] = new NetworkCredential(string.Empty, key).SecurePassword,
                ["Spool"] = _spool.Path,
            };
            var url = _session.Run("$global:burst = Start-CrmWebhookListener -Prefix http://127.0.0.1:0/hooks/ -Ppl -PplApiKey $Key -SpoolPath $Spool; $global:burst.Urls[0]", vars)
                .EnsureSuccess().Output.Single().ToString();

            // Every event twice, shuffled so that copies often travel at the same moment on different connections.
            var random = new Random(7);
            var work = Enumerable.Range(1, events).SelectMany(i => new[] { i, i }).OrderBy(_ => random.Next()).ToArray();
            var statuses = new ConcurrentBag<(int Id, HttpStatusCode Status, string Body)>();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders }) { Timeout = TimeSpan.FromSeconds(60) };
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = senders }, async (id, ct) =>
            {
                using var content = new StringContent(Deliveries.Ppl(id, key, leadId: 100_000 + id, title: "Burst " + id), Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url, content, ct);
                statuses.Add((id, response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
            });
            clock.Stop();
            _output.WriteLine($"{work.Length} deliveries from {senders} senders in {clock.Elapsed.TotalSeconds:F1} s ({work.Length / clock.Elapsed.TotalSeconds:F0}/s)");

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.Status));
            Assert.All(statuses.GroupBy(s => s.Id), g =>
            {
                Assert.Equal(1, g.Count(s => s.Body.Contains("stored")));
                Assert.Equal(1, g.Count(s => s.Body.Contains("duplicate")));
            });
            var counters = _session.Run("$global:burst.Stored; $global:burst.Duplicates; $global:burst.Rejected").EnsureSuccess().Objects.Cast<long>().ToArray();
            Assert.Equal(new long[] { events, events, 0 }, counters);

            var received = _session.Run("Receive-CrmWebhook -SpoolPath $Spool | ForEach-Object { $_.Id }", vars).EnsureSuccess().Objects.Cast<long>().ToList();
            Assert.Equal(events, received.Count);
            Assert.Equal(Enumerable.Range(1, events).Select(i => (long)i), received.OrderBy(i => i));
        }

        public void Dispose()
        {
            _session.Run("if ($global:burst) { $global:burst | Stop-CrmWebhookListener }");
            _session.Dispose();
            _spool.Dispose();
        }
    }
}
