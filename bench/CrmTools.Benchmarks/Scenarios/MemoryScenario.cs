using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using CrmTools.Benchmarks.Harness;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 2. Memory: Get-PplLead over 100,000 leads into Out-Null grows the working set by less than 50 MB. Measured in a
    /// child process (so the sandbox's own memory, in this process, is not counted): after a warm-up listing and a
    /// full GC, a sampler reads the working set every 10 ms during the listing; growth = peak - start. The same child
    /// measurement of the plain HttpClient loop (one page at a time, nothing kept) is the same-run baseline.
    /// </summary>
    internal static class MemoryScenario
    {
        private const double BudgetMb = 50;

        public static ScenarioResult Run(BenchContext ctx)
        {
            var n = ctx.Mode.MemoryLeads;
            var result = new ScenarioResult("2", $"Memory: Get-PplLead over {n:N0} leads into Out-Null", "working-set growth < 50 MB");
            ctx.Log($"  seeding {n:N0} leads");
            ctx.Reset(n);
            var uri = ctx.Sandbox.Ppl.AccountUri.ToString();
            var key = ctx.Sandbox.Ppl.ApiKey;
            var module = new List<(double Peak, double After)>();
            var plain = new List<(double Peak, double After)>();
            for (var i = 0; i < ctx.Mode.MemoryRepetitions; i++)
            {
                plain.Add(Child("baseline"));
                ctx.Sandbox.Control.ResetRequestLog();
                module.Add(Child("module"));
                var requests = ctx.Sandbox.Control.CountRequests("/leads", "GET");
                var expectedRequests = (2000 + 99) / 100 + (n + 99) / 100;
                if (requests != expectedRequests) throw new InvalidOperationException($"The module child made {requests} listing requests, expected {expectedRequests} (warm-up + {n:N0} leads).");
                ctx.Log($"    run {i + 1}: module peak growth {module[^1].Peak:0.0} MB ({requests} listing requests), plain loop {plain[^1].Peak:0.0} MB");
            }
            var modulePeak = Measure.Median(module.Select(x => x.Peak).ToList());
            var plainPeak = Measure.Median(plain.Select(x => x.Peak).ToList());
            result.Baseline = $"plain HttpClient loop: +{plainPeak:0.0} MB";
            result.Module = $"+{modulePeak:0.0} MB";
            result.Ratio = $"{Report.F(modulePeak / BudgetMb)}x the 50 MB budget";
            result.Met = modulePeak < BudgetMb;
            result.Details.Add($"Peak working-set growth during the listing (median of {module.Count}): module +{modulePeak:0.0} MB, plain loop +{plainPeak:0.0} MB.");
            result.Details.Add($"Working set after the listing, before any GC: module +{Measure.Median(module.Select(x => x.After).ToList()):0.0} MB.");
            result.Details.Add("Each figure comes from its own child process (this program in a child mode), started after the sandbox was seeded.");
            return result;

            (double, double) Child(string kind)
            {
                var values = ChildProcess.RunSelf("--child-memory", kind, uri, key, n.ToString(CultureInfo.InvariantCulture));
                var count = ChildProcess.Number(values, "COUNT");
                if (kind == "baseline" && (int)count != n) throw new InvalidOperationException($"The {kind} child read {count} leads, expected {n}.");
                return (ChildProcess.Number(values, "PEAKMB"), ChildProcess.Number(values, "AFTERMB"));
            }
        }

        /// <summary>The child: warm up, settle, then list everything while sampling the working set.</summary>
        public static int ChildMain(string kind, string uri, string key, int expected)
        {
            Func<long> list;
            Action warmup;
            PsBench? ps = null;
            HttpClient? http = null;
            if (kind == "module")
            {
                ps = PsBench.OpenConnected(new Uri(uri), key);
                warmup = () => ps.Run("Get-PplLead -IncludeUnassigned -First 2000 | Out-Null");
                list = () =>
                {
                    ps.Run("Get-PplLead -IncludeUnassigned | Out-Null");
                    return -1; // Out-Null keeps no count: the parent checks the requests the listing made instead
                };
            }
            else
            {
                http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
                http.DefaultRequestHeaders.Add("X-API-KEY", key);
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                var leads = new Uri(new Uri(uri), "api/v2/leads");
                long Plain(int limitTotal)
                {
                    long count = 0;
                    for (var offset = 0; offset < limitTotal; offset += 100)
                    {
                        using var response = http.GetAsync(new Uri(leads + $"?include_unassigned=true&limit=100&offset={offset}"), HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
                        response.EnsureSuccessStatusCode();
                        using var stream = response.Content.ReadAsStream();
                        var page = JsonSerializer.Deserialize(stream, PplJsonContext.Default.ListPplLead)!;
                        count += page.Count;
                        if (page.Count < 100) break;
                    }
                    return count;
                }
                warmup = () => Plain(2000);
                list = () => Plain(int.MaxValue);
            }

            warmup();
            Measure.Settle();
            var start = Environment.WorkingSet;
            long peak = start;
            using var stop = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                while (!stop.Wait(10))
                {
                    var ws = Environment.WorkingSet;
                    if (ws > peak) peak = ws;
                }
            }) { IsBackground = true };
            sampler.Start();
            var read = list();
            var after = Environment.WorkingSet;
            stop.Set();
            sampler.Join();
            if (after > peak) peak = after;
            Console.WriteLine("COUNT=" + read.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine("STARTMB=" + (start / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
            Console.WriteLine("PEAKMB=" + ((peak - start) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
            Console.WriteLine("AFTERMB=" + ((after - start) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
            ps?.Dispose();
            http?.Dispose();
            return 0;
        }
    }
}
