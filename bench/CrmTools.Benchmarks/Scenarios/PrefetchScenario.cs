using System;
using System.Collections.Generic;
using CrmTools.Benchmarks.Harness;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 6. Page prefetch: with 50 ms of sandbox latency per request, Get-PplLead -First N into Out-Null as shipped,
    /// against the same listing with prefetch switched off (OffsetPager.PrefetchEnabled = false: each page is
    /// requested only when the pipeline has finished the previous one). Same requests either way (checked).
    /// </summary>
    internal static class PrefetchScenario
    {
        private const string Pager = "CrmTools.Engine.Paging.OffsetPager";

        public static ScenarioResult Run(BenchContext ctx)
        {
            var n = ctx.Mode.PrefetchLeads;
            var result = new ScenarioResult("6", $"Page prefetch: Get-PplLead -First {n:N0} at {BenchMode.LatencyMs} ms latency", "throughput >= 1.6x pages one after another");
            ctx.Reset(Math.Max(n, ctx.Mode.StreamLeads));
            using var ps = PsBench.OpenConnected(ctx.Sandbox.Ppl.AccountUri, ctx.Sandbox.Ppl.ApiKey);
            var script = $"Get-PplLead -IncludeUnassigned -First {n} | Out-Null";
            ps.Run("Get-PplLead -First 200 | Out-Null"); // loads the engine, so its switch can be found
            ctx.Sandbox.Control.LatencyMs = BenchMode.LatencyMs;
            var requests = new Dictionary<bool, int>();
            try
            {
                double Listing(bool prefetch)
                {
                    ContextSwitch(prefetch);
                    ctx.Sandbox.Control.ResetRequestLog();
                    var seconds = ps.Time(script);
                    requests[prefetch] = ctx.Sandbox.Control.CountRequests("/leads", "GET");
                    return seconds;
                }

                var (b, m) = Measure.Paired("prefetch off", () => Listing(false), "prefetch on (shipped)", () => Listing(true),
                    ctx.Mode.Warmup, ctx.Mode.PrefetchRepetitions, ctx.Log);
                var speedup = b.Median / m.Median;
                result.Baseline = $"{Measure.Ms(b.Median)} ({n / b.Median:N0} leads/s)";
                result.Module = $"{Measure.Ms(m.Median)} ({n / m.Median:N0} leads/s)";
                result.Ratio = $"{Report.F(speedup)}x the throughput";
                result.Met = speedup >= 1.6;
                var expected = (n + 99) / 100;
                result.Details.Add($"Requests per listing: {requests[false]} with prefetch off, {requests[true]} with it on (expected {expected}: prefetch never costs extra requests).");
                if (requests[false] != expected || requests[true] != expected) result.Details.Add("**Request counts differ from the expected number.**");
                result.Details.Add(b.ToString());
                result.Details.Add(m.ToString());

                // For comparison: a look-ahead of exactly one page (the pager before issue #8).
                BenchContext.SetEngineSwitch(Pager, "MaxPagesAhead", 1);
                try
                {
                    var (ob, om) = Measure.Paired("prefetch off", () => Listing(false), "one page ahead", () => Listing(true),
                        0, Math.Max(1, ctx.Mode.PrefetchRepetitions / 2), ctx.Log);
                    result.Details.Add($"With a look-ahead of one page only: {Report.F(ob.Median / om.Median)}x the throughput of prefetch off " +
                                       $"({Measure.Ms(om.Median)} against {Measure.Ms(ob.Median)}): with a fast consumer, one page ahead hides " +
                                       "only the consumer's own time, not the latency, hence the deeper window.");
                }
                finally
                {
                    BenchContext.SetEngineSwitch(Pager, "MaxPagesAhead", 3);
                }
                result.Details.Add("Shipped prefetch: the next page is requested after the first 10 items of the current one; when the pipeline finds a " +
                                   "prefetched page still on its way and the service reports X-TOTAL-COUNT, up to 3 pages are kept in flight.");
            }
            finally
            {
                ContextSwitch(true);
                ctx.Sandbox.Control.LatencyMs = 0;
            }
            return result;
        }

        private static void ContextSwitch(bool prefetch) => BenchContext.SetEngineSwitch(Pager, "PrefetchEnabled", prefetch);
    }
}
