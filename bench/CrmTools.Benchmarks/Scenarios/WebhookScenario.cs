using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Benchmarks.Harness;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 7. The webhook listener under sustained load: signed ProPipelines deliveries from 16 concurrent senders (each
    /// sends its next delivery as soon as the previous one is answered). The module (Start-CrmWebhookListener -Ppl:
    /// signature check, then every delivery written and fsync'd to the spool before the 200) against a bare
    /// HttpListener that reads the body and answers 200 at once (no check, nothing kept): the transport's ceiling
    /// on this machine. Reports deliveries per second (median of the runs) and the p99 answer time over all of the
    /// module's deliveries, and checks that each delivery was stored exactly once.
    /// Registration in Program.cs: Scenario("7", () => new[] { WebhookScenario.Run(ctx) });
    /// </summary>
    internal static class WebhookScenario
    {
        public const int Senders = 16;

        public static ScenarioResult Run(BenchContext ctx)
        {
            var full = ctx.Mode.Name == "full";
            var deliveries = full ? 10_000 : 2_000;
            var repetitions = full ? 5 : 3;
            var warmup = 300;
            var title = $"Webhooks: {deliveries:N0} signed ProPipelines deliveries from {Senders} concurrent senders (Start-CrmWebhookListener)";
            const string goal = ">= 200 deliveries/s sustained, p99 answer <= 500 ms, each stored once";

            using var ps = PsBench.Open(Paths.ModuleManifest);
            if (ps.Run("Get-Command -Name Start-CrmWebhookListener -Module CrmTools -ErrorAction Ignore").Count == 0)
            {
                return ScenarioResult.PendingResult("7", title, goal, "Start-CrmWebhookListener does not exist yet.");
            }
            var key = "bench-" + Guid.NewGuid().ToString("N");
            var spool = Path.Combine(Path.GetTempPath(), "crmtools-bench-webhooks-" + Guid.NewGuid().ToString("N"));
            using var bare = BareListener.Start();
            var moduleUrl = ps.Run("$global:benchListener = Start-CrmWebhookListener -Prefix http://127.0.0.1:0/hooks/ -Ppl -PplApiKey $Key -SpoolPath $Spool; $global:benchListener.Urls[0]",
                new Dictionary<string, object?> { ["Key"] = PsBench.Secure(key), ["Spool"] = spool })[0].ToString();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                Timeout = TimeSpan.FromSeconds(60),
            };
            long nextId = 1;
            try
            {
                // Warm-up (JIT, connections, the spool's folders) on both, then baseline and module alternately (ABBA).
                Burst(client, bare.Url, key, ref nextId, warmup);
                Burst(client, moduleUrl, key, ref nextId, warmup);
                var baseRates = new List<double>();
                var moduleRates = new List<double>();
                var baseLatencies = new List<double>();
                var moduleLatencies = new List<double>();
                for (var i = 0; i < repetitions; i++)
                {
                    foreach (var module in i % 2 == 0 ? new[] { false, true } : new[] { true, false })
                    {
                        Measure.Settle();
                        var (seconds, latencies) = Burst(client, module ? moduleUrl : bare.Url, key, ref nextId, deliveries);
                        (module ? moduleRates : baseRates).Add(deliveries / seconds);
                        (module ? moduleLatencies : baseLatencies).AddRange(latencies);
                    }
                    ctx.Log($"    run {i + 1}/{repetitions}: bare {baseRates[^1]:0}/s, module {moduleRates[^1]:0}/s");
                }

                var expected = warmup + deliveries * repetitions;
                var counters = ps.Run("$global:benchListener.Stored; $global:benchListener.Duplicates; $global:benchListener.Rejected").Select(o => Convert.ToInt64(o.BaseObject)).ToArray();
                var pending = Directory.GetFiles(Path.Combine(spool, "pending")).Length;
                var baseRate = Measure.Median(baseRates);
                var moduleRate = Measure.Median(moduleRates);
                var p50 = Percentile(moduleLatencies, 0.50);
                var p99 = Percentile(moduleLatencies, 0.99);
                var baseP99 = Percentile(baseLatencies, 0.99);
                var storedOnce = counters[0] == expected && counters[1] == 0 && counters[2] == 0 && pending == expected;
                return new ScenarioResult("7", title, goal)
                {
                    Baseline = $"bare HttpListener {baseRate:0}/s, p99 {baseP99:0.0} ms",
                    Module = $"{moduleRate:0} deliveries/s, p50 {p50:0.0} ms, p99 {p99:0.0} ms",
                    Ratio = $"{Report.F(moduleRate / baseRate)}x the bare listener's rate",
                    Met = moduleRate >= 200 && p99 <= 500 && storedOnce,
                    Details =
                    {
                        $"{deliveries:N0} deliveries per run, {repetitions} runs each, {Senders} senders in a closed loop, bodies of {Body(1, key).Length} bytes (a lead.creation event with its lead).",
                        $"Module runs: {string.Join(", ", moduleRates.Select(r => r.ToString("0")))} deliveries/s; bare runs: {string.Join(", ", baseRates.Select(r => r.ToString("0")))}/s.",
                        $"Module answer times over {moduleLatencies.Count:N0} deliveries: p50 {p50:0.0} ms, p90 {Percentile(moduleLatencies, 0.90):0.0} ms, p99 {p99:0.0} ms, max {moduleLatencies.Max():0.0} ms.",
                        $"The listener stored {counters[0]:N0} of {expected:N0} (duplicates {counters[1]}, rejected {counters[2]}); {pending:N0} files in the spool: {(storedOnce ? "each exactly once" : "MISMATCH")}.",
                        "Each stored delivery is written to tmp/, fsync'd, claimed by its event id (a marker file), renamed into pending/, and pending/ is fsync'd (group commit) before the 200.",
                    },
                };
            }
            finally
            {
                ps.Run("$global:benchListener | Stop-CrmWebhookListener");
                try { Directory.Delete(spool, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>Sends <paramref name="count"/> deliveries from <see cref="Senders"/> senders; seconds taken and each answer time (ms).</summary>
        private static (double Seconds, List<double> LatenciesMs) Burst(HttpClient client, string url, string key, ref long nextId, int count)
        {
            var first = nextId;
            nextId += count;
            var bodies = Enumerable.Range(0, count).Select(i => Body(first + i, key)).ToArray();
            var latencies = new ConcurrentBag<double>();
            var failures = 0;
            var next = -1;
            var clock = Stopwatch.StartNew();
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var content = new StringContent(bodies[i], Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(url, content).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
                }
            })).ToArray();
            Task.WaitAll(senders);
            clock.Stop();
            if (failures > 0) throw new InvalidOperationException($"{failures} of {count} deliveries to {url} were not answered 200.");
            return (clock.Elapsed.TotalSeconds, latencies.ToList());
        }

        private static string Body(long eventId, string key)
        {
            var signature = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(eventId + key))).ToLowerInvariant();
            return $"{{\"webhook_event\":{{\"id\":{eventId},\"event\":\"lead.creation\",\"signature\":\"{signature}\",\"has_succeeded\":false,\"try_count\":1," +
                   $"\"last_returned_code\":null,\"data\":{{\"id\":{100_000 + eventId},\"title\":\"Bench lead {eventId}\",\"status\":\"Todo\",\"step\":\"Incoming\"," +
                   "\"amount\":1500.0,\"currency\":\"USD\",\"description\":\"Firstname: Elizabeth<br />Email: e.swan@bountiful.corp\"," +
                   "\"text_description\":\"Firstname: Elizabeth\\nEmail: e.swan@bountiful.corp\",\"tags\":[\"prospect\",\"test\"]," +
                   "\"fields\":{\"email\":\"e.swan@bountiful.corp\",\"first_name\":\"Elizabeth\"},\"user\":{\"id\":514,\"firstname\":\"St\\u00e9phanie\",\"lastname\":\"Stone\"}," +
                   "\"client_folder\":null}}}";
        }

        private static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.OrderBy(v => v).ToArray();
            var index = (int)Math.Ceiling(p * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }

        /// <summary>The baseline: HttpListener with as many threads as senders, reading each body and answering 200.</summary>
        private sealed class BareListener : IDisposable
        {
            private readonly HttpListener _http;
            private readonly Thread[] _threads;
            private volatile bool _stopped;

            private BareListener(HttpListener http, string url)
            {
                _http = http;
                Url = url;
                _threads = Enumerable.Range(0, Senders).Select(i => new Thread(Loop) { IsBackground = true, Name = "bench bare listener " + i }).ToArray();
                foreach (var t in _threads) t.Start();
            }

            public string Url { get; }

            public static BareListener Start()
            {
                var tcp = new TcpListener(IPAddress.Loopback, 0);
                tcp.Start();
                var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
                tcp.Stop();
                var http = new HttpListener { IgnoreWriteExceptions = true };
                http.Prefixes.Add($"http://127.0.0.1:{port}/bare/");
                http.Start();
                return new BareListener(http, $"http://127.0.0.1:{port}/bare/ppl");
            }

            private void Loop()
            {
                var buffer = new byte[16 * 1024];
                var ok = Encoding.UTF8.GetBytes("{\"status\":\"ok\"}");
                while (!_stopped)
                {
                    HttpListenerContext ctx;
                    try { ctx = _http.GetContext(); }
                    catch (Exception) { return; }
                    try
                    {
                        var input = ctx.Request.InputStream;
                        while (input.Read(buffer, 0, buffer.Length) > 0) { }
                        ctx.Response.StatusCode = 200;
                        ctx.Response.ContentType = "application/json";
                        ctx.Response.ContentLength64 = ok.Length;
                        ctx.Response.OutputStream.Write(ok, 0, ok.Length);
                        ctx.Response.Close();
                    }
                    catch (Exception)
                    {
                        // the sender went away
                    }
                }
            }

            public void Dispose()
            {
                _stopped = true;
                try { _http.Stop(); _http.Close(); } catch (Exception) { }
            }
        }
    }
}
