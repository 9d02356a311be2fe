using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CrmTools.Benchmarks;
using CrmTools.Benchmarks.Harness;
using CrmTools.Benchmarks.Scenarios;
using CrmTools.Sandbox;

// dotnet run --project bench/CrmTools.Benchmarks -c Release -- --short|--full [--only 1,4,6]
// Writes bench/RESULTS.md. See README.md, Benchmarks.
if (args.Length > 0 && args[0] == "--child-memory")
{
    return MemoryScenario.ChildMain(args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture));
}

var mode = BenchMode.Short();
HashSet<string>? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--short": mode = BenchMode.Short(); break;
        case "--full": mode = BenchMode.Full(); break;
        case "--only": only = new HashSet<string>(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
        case "-h":
        case "--help":
            Console.WriteLine("Usage: dotnet run --project bench/CrmTools.Benchmarks -c Release -- --short|--full [--only 1,2,3,4,5,6]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --short, --full, --only <ids>.");
            return 2;
    }
}

var commandLine = "dotnet run --project bench/CrmTools.Benchmarks -c Release -- --" + mode.Name + (only != null ? " --only " + string.Join(",", only) : "");
Console.WriteLine($"CrmTools benchmarks, {mode.Name} mode: {mode.Describe()}");
Console.WriteLine($"{Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
var clock = Stopwatch.StartNew();
using var sandbox = CrmSandbox.Start(new SandboxOptions { Port = 0, PplLeadCount = 100, PplDailyQuota = int.MaxValue });
var ctx = new BenchContext(mode, sandbox);
var results = new List<ScenarioResult>();

void Scenario(string id, Func<IEnumerable<ScenarioResult>> run)
{
    if (only != null && !only.Contains(id)) return;
    Console.WriteLine();
    Console.WriteLine($"== scenario {id} ({clock.Elapsed.TotalSeconds:0} s)");
    foreach (var r in run())
    {
        results.Add(r);
        Console.WriteLine(r.Pending != null
            ? $"  {r.Id}. {r.Title}: pending ({r.Pending})"
            : $"  {r.Id}. {r.Title}: baseline {r.Baseline}; module {r.Module}; {r.Ratio}; goal {r.Goal}: {(r.Met == true ? "met" : r.Met == false ? "MISSED" : "reported")}");
    }
}

Scenario("4", () => new[] { ImportScenario.Run(ctx) });
Scenario("1", () => new[] { StreamingScenario.Run(ctx) });
Scenario("6", () => new[] { PrefetchScenario.Run(ctx) });
Scenario("5", () => BulkWriteScenario.Run(ctx).ToList());
Scenario("3", () => RequestsScenario.Run(ctx).ToList());
Scenario("2", () => new[] { MemoryScenario.Run(ctx) });
Scenario("7", () => new[] { WebhookScenario.Run(ctx) });
Scenario("8", () => new[] { LimeGoFeedScenario.Run(ctx) });

results.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
Report.Write(Paths.ResultsFile, mode, results, clock.Elapsed, commandLine);
Console.WriteLine();
Console.WriteLine($"Wrote {Paths.ResultsFile} ({clock.Elapsed.TotalMinutes:0.0} min).");
return 0;
