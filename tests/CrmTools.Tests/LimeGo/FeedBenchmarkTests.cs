using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.LimeGo;
using CrmTools.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>
    /// Events per second drained from the sandbox, with the spool (each batch fsync'd, each event acknowledged) and
    /// without (the raw feed). Numbers go to the test output (dotnet test --logger "console;verbosity=detailed").
    /// </summary>
    public class FeedBenchmarkTests : LimeGoTestBase
    {
        private const int Events = 5000;
        private readonly ITestOutputHelper _output;

        public FeedBenchmarkTests(SandboxFixture fixture, ITestOutputHelper output) : base(fixture) => _output = output;

        [Fact]
        [Trait("Category", "Benchmark")]
        public async Task Events_per_second_with_and_without_the_spool()
        {
            using var connection = await LimeGoConnection.ConnectAsync(new LimeGoConnectOptions
            {
                BaseUri = LimeGo.BaseUri,
                ApiKey = new NetworkCredential(string.Empty, LimeGo.ApiKey).SecurePassword,
            }, CancellationToken.None);

            // Warm up every path (JIT, connection pool) on a few events first.
            LimeGo.EnqueueEvents(120);
            await connection.Feed.FetchAsync(CancellationToken.None);
            using (var warm = connection.Feed.OpenReader(new LimeGoFeedOptions { SpoolPath = Spool }))
            {
                while (await warm.MoveNextAsync(CancellationToken.None)) warm.Acknowledge();
            }
            RunConnected("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();

            LimeGo.EnqueueEvents(Events);
            var watch = Stopwatch.StartNew();
            var raw = 0;
            while (true)
            {
                var batch = await connection.Feed.FetchAsync(CancellationToken.None);
                raw += batch.Count;
                if (batch.Count < LimeGoFeedApi.BatchSize) break;
            }
            var withoutSpool = raw / watch.Elapsed.TotalSeconds;
            Assert.Equal(Events, raw);

            LimeGo.EnqueueEvents(Events);
            watch.Restart();
            var spooled = 0;
            using (var reader = connection.Feed.OpenReader(new LimeGoFeedOptions { SpoolPath = Spool }))
            {
                while (await reader.MoveNextAsync(CancellationToken.None))
                {
                    reader.Acknowledge();
                    spooled++;
                }
            }
            var withSpool = spooled / watch.Elapsed.TotalSeconds;
            Assert.Equal(Events, spooled);

            LimeGo.EnqueueEvents(Events);
            watch.Restart();
            var r = Run("$n = 0; Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object { $n++ }; $n").EnsureSuccess();
            var throughCmdlet = Events / watch.Elapsed.TotalSeconds;
            Assert.Equal(Events, (int)r.Output[0].BaseObject);

            _output.WriteLine($"Lime Go feed, {Events} events from the sandbox: without spool {withoutSpool:N0}/s; " +
                              $"with spool (engine) {withSpool:N0}/s; Get-LimeGoFeed | ForEach-Object {throughCmdlet:N0}/s.");
        }
    }
}
