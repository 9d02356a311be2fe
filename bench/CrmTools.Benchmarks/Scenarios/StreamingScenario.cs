using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using CrmTools.Benchmarks.Harness;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 1. Get-PplLead through a hosted runspace over N sandbox leads, into Out-Null, against a plain HttpClient +
    /// System.Text.Json loop that sends exactly the requests the module sent (replayed from the sandbox's log)
    /// and deserializes each page into the same model with the same source-generated context. No latency.
    /// </summary>
    internal static class StreamingScenario
    {
        public static ScenarioResult Run(BenchContext ctx)
        {
            var n = ctx.Mode.StreamLeads;
            var result = new ScenarioResult("1", $"Streaming: Get-PplLead over {n:N0} leads into Out-Null", "module time <= 1.25x baseline");
            ctx.Reset(n);
            using var ps = PsBench.OpenConnected(ctx.Sandbox.Ppl.AccountUri, ctx.Sandbox.Ppl.ApiKey);
            const string script = "Get-PplLead -IncludeUnassigned | Out-Null";

            // Correctness first: every lead once, and the requests the baseline will replay.
            ctx.Sandbox.Control.ResetRequestLog();
            var count = ps.Run("$n = 0; $ids = [System.Collections.Generic.HashSet[long]]::new(); " +
                               "Get-PplLead -IncludeUnassigned | ForEach-Object { $n++; [void]$ids.Add($_.Id) }; $n; $ids.Count");
            if ((int)count[0].BaseObject != n || (int)count[1].BaseObject != n)
                throw new InvalidOperationException($"Get-PplLead returned {count[0]} items ({count[1]} distinct), expected {n}.");
            var requests = ctx.Sandbox.Control.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/leads", StringComparison.Ordinal))
                .Select(r => new Uri(ctx.Sandbox.BaseUri, r.Path + (string.IsNullOrEmpty(r.Query) ? "" : "?" + r.Query))).ToList();

            using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
            http.DefaultRequestHeaders.Add("X-API-KEY", ctx.Sandbox.Ppl.ApiKey);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var baselineCount = Baseline(http, requests).GetAwaiter().GetResult();
            if (baselineCount != n) throw new InvalidOperationException($"The baseline read {baselineCount} leads, expected {n}.");

            var (b, m) = Measure.Paired(
                "HttpClient+STJ loop", () => Measure.Time(() => Baseline(http, requests).GetAwaiter().GetResult()),
                "Get-PplLead", () => ps.Time(script),
                ctx.Mode.Warmup, ctx.Mode.StreamRepetitions, ctx.Log);

            var ratio = m.Median / b.Median;
            result.Baseline = $"{Measure.Ms(b.Median)} ({n / b.Median:N0} objects/s)";
            result.Module = $"{Measure.Ms(m.Median)} ({n / m.Median:N0} objects/s)";
            result.Ratio = $"{Report.F(ratio)}x the time";
            result.Met = ratio <= 1.25;
            result.Details.Add($"{requests.Count} requests of 100 leads each, replayed by the baseline exactly as the module sent them; {n:N0} leads, each read once (checked).");
            result.Details.Add(b.ToString());
            result.Details.Add(m.ToString());
            result.Details.Add($"Module pipeline: `{script}` in a hosted runspace (PowerShell 7.6 from NuGet).");

            // Profile: the same comparison with the module's page prefetch off, so both sides fetch one page after
            // another and the difference is the per-item cost (engine stream, cmdlet pump, PowerShell pipeline).
            BenchContext.SetEngineSwitch("CrmTools.Engine.Paging.OffsetPager", "PrefetchEnabled", false);
            try
            {
                var (pb, pm) = Measure.Paired(
                    "HttpClient+STJ loop", () => Measure.Time(() => Baseline(http, requests).GetAwaiter().GetResult()),
                    "Get-PplLead, prefetch off", () => ps.Time(script),
                    1, ctx.Mode.StreamRepetitions, ctx.Log);
                var perItem = (pm.Median - pb.Median) / n * 1e6;
                result.Details.Add($"Without prefetch (both sequential): {Report.F(pm.Median / pb.Median)}x the time; " +
                                   $"the module's cost beyond the plain loop is {perItem:0.0} us per lead " +
                                   $"({Measure.Ms(pm.Median)} against {Measure.Ms(pb.Median)}).");
            }
            finally
            {
                BenchContext.SetEngineSwitch("CrmTools.Engine.Paging.OffsetPager", "PrefetchEnabled", true);
            }
            return result;
        }

        /// <summary>The plain loop: one request after another, each page deserialized into List&lt;PplLead&gt; and counted.</summary>
        private static async Task<int> Baseline(HttpClient http, List<Uri> requests)
        {
            var count = 0;
            foreach (var uri in requests)
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var page = await JsonSerializer.DeserializeAsync(stream, PplJsonContext.Default.ListPplLead).ConfigureAwait(false);
                foreach (var _ in page!) count++;
            }
            return count;
        }
    }
}
