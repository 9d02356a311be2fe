using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Benchmarks.Harness;
using CrmTools.Engine.Bulk;
using CrmTools.Engine.Http;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 5. Bulk writes at 50 ms of sandbox latency: one at a time (ThrottleLimit 1) against 8 in flight, same run.
    /// 5a drives the shared facility (Engine BulkRunner, which CrmCmdlet.RunBulk wraps) with POST /leads directly;
    /// 5b is the pipeline a user runs, $rows | New-PplLead -ThrottleLimit n, once that command exists.
    /// </summary>
    internal static class BulkWriteScenario
    {
        public static IEnumerable<ScenarioResult> Run(BenchContext ctx)
        {
            yield return Facility(ctx);
            yield return NewPplLead(ctx);
            yield return NewNimbleContact(ctx);
        }

        private static ScenarioResult Facility(BenchContext ctx)
        {
            var n = ctx.Mode.BulkItems;
            var result = new ScenarioResult("5a", $"Bulk facility: {n:N0} POST /leads through BulkRunner at {BenchMode.LatencyMs} ms latency",
                $">= 6x one-at-a-time at {BenchMode.Concurrency} in flight");
            ctx.Reset(ctx.Mode.StreamLeads);
            using var connection = PplConnection.ConnectAsync(new PplConnectOptions
            {
                BaseUri = ctx.Sandbox.Ppl.AccountUri,
                ApiKey = PsBench.Secure(ctx.Sandbox.Ppl.ApiKey),
            }, CancellationToken.None).GetAwaiter().GetResult();
            ctx.Sandbox.Control.LatencyMs = BenchMode.LatencyMs;
            try
            {
                var posts = new List<int>();
                double Write(int throttle)
                {
                    ctx.Sandbox.Control.ResetRequestLog();
                    var sink = new CountingSink();
                    var seconds = Measure.Time(() =>
                    {
                        using var runner = new BulkRunner(throttle, sink, CancellationToken.None);
                        for (var i = 0; i < n; i++)
                        {
                            var body = Encoding.UTF8.GetBytes($"{{\"title\":\"Bench {i}\",\"description\":\"Created by the benchmark\"}}");
                            runner.Add(i, async ct =>
                            {
                                using var response = await connection.Http.SendAsync(new CrmRequest(HttpMethod.Post, "leads") { Resource = "Lead" }.WithJson(body), ct).ConfigureAwait(false);
                                return true;
                            }, _ => sink.Results++);
                        }
                        runner.Complete();
                    });
                    if (sink.Results != n || sink.Errors != 0) throw new InvalidOperationException($"BulkRunner wrote {sink.Results} results and {sink.Errors} errors for {n} items.");
                    posts.Add(ctx.Sandbox.Control.CountRequests("/leads", "POST"));
                    return seconds;
                }

                var (b, m) = Measure.Paired("ThrottleLimit 1", () => Write(1), $"ThrottleLimit {BenchMode.Concurrency}", () => Write(BenchMode.Concurrency),
                    ctx.Mode.Warmup, ctx.Mode.BulkRepetitions, ctx.Log);
                var speedup = b.Median / m.Median;
                result.Baseline = $"{Measure.Ms(b.Median)} ({n / b.Median:N0} items/s)";
                result.Module = $"{Measure.Ms(m.Median)} ({n / m.Median:N0} items/s)";
                result.Ratio = $"{Report.F(speedup)}x faster";
                result.Met = speedup >= 6;
                result.Details.Add($"POST requests per run: {string.Join(", ", posts.Distinct())} (one per item; every item's result handed back, no errors).");
                result.Details.Add(b.ToString());
                result.Details.Add(m.ToString());
            }
            finally
            {
                ctx.Sandbox.Control.LatencyMs = 0;
            }
            return result;
        }

        private static ScenarioResult NewPplLead(BenchContext ctx)
        {
            var n = ctx.Mode.BulkItems;
            var title = $"Bulk writes: {n:N0} rows | New-PplLead at {BenchMode.LatencyMs} ms latency";
            var goal = $">= 6x one-at-a-time at -ThrottleLimit {BenchMode.Concurrency}";
            ctx.Reset(ctx.Mode.StreamLeads);
            using var ps = PsBench.OpenConnected(ctx.Sandbox.Ppl.AccountUri, ctx.Sandbox.Ppl.ApiKey);
            var command = ps.Run("Get-Command -Name New-PplLead -Module CrmTools -ErrorAction Ignore");
            if (command.Count == 0) return ScenarioResult.PendingResult("5b", title, goal, "New-PplLead does not exist yet.");
            if (!((CommandInfo)command[0].BaseObject).Parameters.ContainsKey("ThrottleLimit"))
                return ScenarioResult.PendingResult("5b", title, goal, "New-PplLead exists but has no -ThrottleLimit yet (it has not adopted CrmCmdlet.RunBulk).");
            var rows = Rows(n, i => new[] { ("Title", (object)$"Bulk {i}"), ("Description", "Created by the benchmark") });
            return SequentialVsConcurrent(ctx, ps, "5b", title, goal, "New-PplLead", rows, "/leads", "leads");
        }

        /// <summary>5c: $rows | New-NimbleContact -ThrottleLimit n, one at a time against 8 in flight.</summary>
        private static ScenarioResult NewNimbleContact(BenchContext ctx)
        {
            var n = ctx.Mode.BulkItems;
            var title = $"Bulk writes: {n:N0} rows | New-NimbleContact at {BenchMode.LatencyMs} ms latency";
            var goal = $">= 6x one-at-a-time at -ThrottleLimit {BenchMode.Concurrency}";
            var nimble = ctx.Sandbox.Nimble;
            nimble.Reseed();
            nimble.ContactLimit = null;
            using var ps = PsBench.Open(Paths.ModuleManifest);
            ps.Run("Connect-Nimble -BaseUri $u -AccessToken $t", new Dictionary<string, object?> { ["u"] = nimble.BaseUri, ["t"] = PsBench.Secure(nimble.IssueTokens().AccessToken) });
            var rows = Rows(n, i => new[] { ("FirstName", (object)"Bench"), ("LastName", $"Contact {i}") });
            return SequentialVsConcurrent(ctx, ps, "5c", title, goal, "New-NimbleContact", rows, "/api/v1/contact", "contacts");
        }

        private static PSObject[] Rows(int n, Func<int, (string Name, object Value)[]> columns) =>
            Enumerable.Range(0, n).Select(i =>
            {
                var row = new PSObject();
                foreach (var (name, value) in columns(i)) row.Properties.Add(new PSNoteProperty(name, value));
                return row;
            }).ToArray();

        /// <summary>$rows | <paramref name="command"/> -ThrottleLimit 1 against -ThrottleLimit 8 at 50 ms latency, same run.</summary>
        private static ScenarioResult SequentialVsConcurrent(BenchContext ctx, PsBench ps, string id, string title, string goal,
            string command, PSObject[] rows, string postPath, string unit)
        {
            var n = rows.Length;
            var result = new ScenarioResult(id, title, goal);
            ctx.Sandbox.Control.LatencyMs = BenchMode.LatencyMs;
            try
            {
                var posts = new List<int>();
                double Write(int throttle)
                {
                    ctx.Sandbox.Control.ResetRequestLog();
                    var vars = new Dictionary<string, object?> { ["Rows"] = rows, ["Throttle"] = throttle };
                    var seconds = ps.Time($"$Rows | {command} -ThrottleLimit $Throttle | Out-Null", vars);
                    posts.Add(ctx.Sandbox.Control.CountRequests(postPath, "POST"));
                    return seconds;
                }

                var (b, m) = Measure.Paired("-ThrottleLimit 1", () => Write(1), $"-ThrottleLimit {BenchMode.Concurrency}", () => Write(BenchMode.Concurrency),
                    ctx.Mode.Warmup, ctx.Mode.BulkRepetitions, ctx.Log);
                var speedup = b.Median / m.Median;
                result.Baseline = $"{Measure.Ms(b.Median)} ({n / b.Median:N0} {unit}/s)";
                result.Module = $"{Measure.Ms(m.Median)} ({n / m.Median:N0} {unit}/s)";
                result.Ratio = $"{Report.F(speedup)}x faster";
                result.Met = speedup >= 6;
                result.Details.Add($"POST {postPath} per run: {string.Join(", ", posts.Distinct())} (expected {n}).");
                result.Details.Add(b.ToString());
                result.Details.Add(m.ToString());
            }
            catch (InvalidOperationException ex)
            {
                return ScenarioResult.PendingResult(id, title, goal, $"{command} exists but the bulk run failed: " + ex.Message);
            }
            finally
            {
                ctx.Sandbox.Control.LatencyMs = 0;
            }
            return result;
        }

        /// <summary>The benchmark's stand-in for a cmdlet: counts results and errors, waits on the signal.</summary>
        private sealed class CountingSink : IBulkSink
        {
            public int Results;
            public int Errors;

            public void Wait(Task signal, int millisecondsTimeout) => signal.Wait(millisecondsTimeout);

            public void OnError(Exception error, object? target) => Errors++;
        }
    }
}
