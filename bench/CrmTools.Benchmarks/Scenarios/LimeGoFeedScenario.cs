using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CrmTools.Benchmarks.Harness;
using CrmTools.Engine.LimeGo;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 8. Lime Go feed (issue #5): events per second drained from the sandbox's feed, in the same run:
    /// the engine reading batches without any spool (the baseline: what the wire allows), the engine through the
    /// durable spool (fsync per batch, acknowledgements), and Get-LimeGoFeed | ForEach-Object in a hosted runspace.
    /// There is no goal in the issue: the figures are reported.
    /// </summary>
    internal static class LimeGoFeedScenario
    {
        public static ScenarioResult Run(BenchContext ctx)
        {
            var n = ctx.Mode.Name == "full" ? 10_000 : 3_000;
            var result = new ScenarioResult("8", $"Lime Go feed: draining {n:N0} events, with and without the spool", "reported (no goal)");
            var lg = ctx.Sandbox.LimeGo;
            var connection = LimeGoConnection.ConnectAsync(new LimeGoConnectOptions { BaseUri = lg.BaseUri, ApiKey = lg.SecureApiKey }, CancellationToken.None)
                .GetAwaiter().GetResult();
            var spool = Path.Combine(Path.GetTempPath(), $"crmtools-bench-feed-{Environment.ProcessId}");
            try
            {
                double NoSpool()
                {
                    lg.EnqueueEvents(n);
                    return Measure.Time(() =>
                    {
                        var total = 0;
                        while (true)
                        {
                            var batch = connection.Feed.FetchAsync(CancellationToken.None).GetAwaiter().GetResult();
                            if (batch.Count == 0) break;
                            total += batch.Count;
                        }
                        if (total != n) throw new InvalidOperationException($"drained {total} of {n} events");
                    });
                }

                double WithSpool()
                {
                    lg.EnqueueEvents(n);
                    return Measure.Time(() =>
                    {
                        using var reader = connection.Feed.OpenReader(new LimeGoFeedOptions { SpoolPath = spool });
                        var total = 0;
                        while (reader.MoveNextAsync(CancellationToken.None).GetAwaiter().GetResult())
                        {
                            reader.Acknowledge();
                            total++;
                        }
                        if (total != n) throw new InvalidOperationException($"drained {total} of {n} events through the spool");
                    });
                }

                var (b, s) = Measure.Paired("engine, no spool", NoSpool, "engine, spool", WithSpool, ctx.Mode.Warmup, 3, ctx.Log);

                using var ps = PsBench.Open(Paths.ModuleManifest);
                var vars = new Dictionary<string, object?> { ["u"] = lg.BaseUri, ["k"] = lg.SecureApiKey, ["p"] = spool };
                ps.Run("Connect-LimeGo -BaseUri $u -ApiKey $k", vars);
                var cmdlet = new Series("Get-LimeGoFeed | ForEach-Object");
                for (var i = 0; i < 3; i++)
                {
                    lg.EnqueueEvents(n);
                    Measure.Settle();
                    cmdlet.Values.Add(ps.Time("$c = 0; Get-LimeGoFeed -SpoolPath $p | ForEach-Object { $c++ }; if ($c -ne " + n + ") { throw \"drained $c\" }", vars));
                }

                result.Baseline = $"{n / b.Median:N0} events/s (engine, no spool)";
                result.Module = $"{n / s.Median:N0} events/s through the spool; {n / cmdlet.Median:N0} events/s through Get-LimeGoFeed";
                result.Ratio = $"the spool takes {Report.F(s.Median / b.Median)}x the time of no spool; the cmdlet {Report.F(cmdlet.Median / b.Median)}x";
                result.Details.Add(b.ToString());
                result.Details.Add(s.ToString());
                result.Details.Add(cmdlet.ToString());
                result.Details.Add("Each batch of 50 is fsync'd before its first event is handed out; acknowledgements go to the OS per event and are fsync'd at the end of the run.");
            }
            finally
            {
                connection.Dispose();
                try { Directory.Delete(spool, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            return result;
        }
    }
}
