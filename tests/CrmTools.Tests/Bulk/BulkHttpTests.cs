using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Bulk;
using CrmTools.Engine.Http;
using CrmTools.Engine.ProPipelines;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Bulk
{
    /// <summary>
    /// The bulk facility over real HTTP against the sandbox: the engine's retry pipeline tells the running bulk
    /// work about a 429's Retry-After, so no new request starts until it has passed; every item still succeeds once.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class BulkHttpTests
    {
        private readonly SandboxFixture _fixture;

        public BulkHttpTests(SandboxFixture fixture)
        {
            _fixture = fixture;
            fixture.Reset();
        }

        private CrmSandbox Sandbox => _fixture.Sandbox;

        private sealed class Sink : IBulkSink
        {
            public readonly List<object?> Results = new List<object?>();
            public readonly List<object?> Failed = new List<object?>();
            public void Wait(Task signal, int millisecondsTimeout) => signal.Wait(millisecondsTimeout);
            public void OnError(Exception error, object? target) => Failed.Add(target);
        }

        private PplConnection Connect() => PplConnection.ConnectAsync(new PplConnectOptions
        {
            BaseUri = Sandbox.Ppl.AccountUri,
            ApiKey = new System.Net.NetworkCredential(string.Empty, Sandbox.Ppl.ApiKey).SecurePassword,
        }, CancellationToken.None).GetAwaiter().GetResult();

        private static Func<CancellationToken, Task<long>> Create(PplConnection connection, int item) => async ct =>
        {
            var body = Encoding.UTF8.GetBytes($"{{\"title\":\"Bulk {item}\",\"description\":\"bulk test\"}}");
            using var response = await connection.Http.SendAsync(new CrmRequest(HttpMethod.Post, "leads") { Resource = "Lead" }.WithJson(body), ct).ConfigureAwait(false);
            return item;
        };

        [Fact]
        public void A_429_with_retry_after_pauses_new_starts_and_every_item_still_succeeds_once()
        {
            using var connection = Connect();
            Sandbox.Control.LatencyMs = 20;
            // The first POST is refused with Retry-After: 1 (not processed, so the engine retries it after 1 s).
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Method = "POST", Status = 429, RetryAfter = "1" });
            var sink = new Sink();
            var watch = Stopwatch.StartNew();
            BulkStats stats;
            using (var runner = new BulkRunner(4, sink, CancellationToken.None))
            {
                for (var i = 0; i < 12; i++) runner.Add(i, Create(connection, i), r => sink.Results.Add(r));
                runner.Complete();
                stats = runner.Stats;
            }
            Assert.Equal(Enumerable.Range(0, 12).Select(i => (object?)(long)i), sink.Results);
            Assert.Empty(sink.Failed);
            Assert.Equal(1, stats.Backoffs);
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");

            var posts = Sandbox.Control.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/leads", StringComparison.Ordinal)).ToList();
            Assert.Equal(13, posts.Count); // 12 leads + the refused attempt
            Assert.Equal(1, posts.Count(p => p.Status == 429));
            // Nothing but the retried request and those already in flight when the 429 came back started during the wait.
            var refusedAt = posts.Single(p => p.Status == 429).At;
            var duringPause = posts.Count(p => p.At > refusedAt.AddMilliseconds(150) && p.At < refusedAt.AddMilliseconds(850));
            Assert.Equal(0, duringPause);
        }

        [Fact]
        public void Concurrent_writes_all_land_and_failures_name_their_item()
        {
            using var connection = Connect();
            var before = Sandbox.Ppl.LeadCount;
            var sink = new Sink();
            using (var runner = new BulkRunner(8, sink, CancellationToken.None))
            {
                for (var i = 0; i < 40; i++)
                {
                    var item = i;
                    // Every tenth item has no title: the service answers 400 for it alone.
                    runner.Add(item, item % 10 == 5
                        ? async ct =>
                        {
                            using var r = await connection.Http.SendAsync(new CrmRequest(HttpMethod.Post, "leads") { Resource = "Lead" }
                                .WithJson(Encoding.UTF8.GetBytes("{\"description\":\"no title\"}")), ct).ConfigureAwait(false);
                            return (long)item;
                        }
                        : Create(connection, item), r => sink.Results.Add(r));
                }
                runner.Complete();
            }
            Assert.Equal(new object?[] { 5, 15, 25, 35 }, sink.Failed);
            Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 10 != 5).Select(i => (object?)(long)i), sink.Results);
            Assert.Equal(before + 36, Sandbox.Ppl.LeadCount);
        }
    }
}
