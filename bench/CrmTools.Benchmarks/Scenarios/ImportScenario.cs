using System;
using System.Collections.Generic;
using System.IO;
using CrmTools.Benchmarks.Harness;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 4. Import-Module CrmTools against importing an empty binary module (bench/EmptyBinaryModule), in the same run.
    /// Cold: each import in a fresh process (the console host, tools/CrmTools.Host, whose application path does not
    /// hold the engine: dependencies resolve exactly as for a user), timed inside that process around Import-Module
    /// alone, after the engine has run one command. Warm: in this process, each import in a fresh runspace.
    /// </summary>
    internal static class ImportScenario
    {
        private const string ColdScript = @"param([string]$Path)
$null = Get-Command -Name ForEach-Object
$sw = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module -Name $Path -ErrorAction Stop
$sw.Stop()
'IMPORTMS=' + $sw.Elapsed.TotalMilliseconds.ToString([System.Globalization.CultureInfo]::InvariantCulture)
";

        public static ScenarioResult Run(BenchContext ctx)
        {
            var result = new ScenarioResult("4", "Import-Module CrmTools (cold: a fresh process each time)", "<= 2x an empty binary module");
            var manifest = Paths.ModuleManifest;
            var empty = Paths.EmptyModule;
            var script = Path.Combine(Path.GetTempPath(), $"crmtools-bench-import-{Environment.ProcessId}.ps1");
            File.WriteAllText(script, ColdScript);
            try
            {
                double Cold(string module) => ChildProcess.Number(ChildProcess.RunHostScript(script, "-Path", module), "IMPORTMS") / 1000.0;

                var (b, m) = Measure.Paired("empty binary module", () => Cold(empty), "CrmTools", () => Cold(manifest),
                    ctx.Mode.Warmup, ctx.Mode.ImportColdRepetitions, ctx.Log);
                var ratio = m.Median / b.Median;
                result.Baseline = Measure.Ms(b.Median);
                result.Module = Measure.Ms(m.Median);
                result.Ratio = $"{Report.F(ratio)}x the time";
                result.Met = ratio <= 2.0;
                result.Details.Add("Cold " + b);
                result.Details.Add("Cold " + m);

                // Diagnosis: the same module without its format and types files (a temporary copy).
                var bare = BareCopy(manifest);
                try
                {
                    var (_, bm) = Measure.Paired("empty binary module", () => Cold(empty), "CrmTools without format/types", () => Cold(bare),
                        0, Math.Max(1, ctx.Mode.ImportColdRepetitions / 2 + 1), ctx.Log);
                    result.Details.Add($"Cold, the same module without FormatsToProcess/TypesToProcess: {Measure.Ms(bm.Median)} " +
                                       $"({Report.F(bm.Median / b.Median)}x the empty module): the rest is the manifest, the nested " +
                                       "CrmTools.Loader.dll (resolver install), then CrmTools.dll (the cmdlets) and CrmTools.Engine.");
                }
                finally
                {
                    Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(bare))!, recursive: true);
                }

                // Context: the same empty DLL behind a minimal manifest, since a manifest alone has a fixed cost that the bare-DLL baseline does not pay.
                var wrapped = ManifestWrappedEmpty(empty);
                try
                {
                    var (eb, em) = Measure.Paired("empty binary module", () => Cold(empty), "empty binary module + manifest", () => Cold(wrapped),
                        0, Math.Max(1, ctx.Mode.ImportColdRepetitions / 2 + 1), ctx.Log);
                    result.Details.Add($"Cold, the empty DLL behind a minimal manifest (RootModule + ModuleVersion): {Measure.Ms(em.Median)} " +
                                       $"({Report.F(em.Median / eb.Median)}x the bare DLL); CrmTools is {Report.F(m.Median / em.Median)}x that (medians of different pairs).");
                }
                finally
                {
                    Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(wrapped))!, recursive: true);
                }

                // Warm: this process has loaded both before; a fresh runspace each time.
                double Warm(string module)
                {
                    using var bench = PsBench.Open(null);
                    return bench.Time("Import-Module -Name $Path -ErrorAction Stop", new Dictionary<string, object?> { ["Path"] = module });
                }

                var (wb, wm) = Measure.Paired("empty binary module", () => Warm(empty), "CrmTools", () => Warm(manifest),
                    ctx.Mode.Warmup + 1, ctx.Mode.ImportWarmRepetitions, ctx.Log);
                result.Details.Add($"Warm (fresh runspace in a process that imported both before): {Report.F(wm.Median / wb.Median)}x " +
                                   $"({Measure.Ms(wm.Median)} against {Measure.Ms(wb.Median)}).");
                result.Details.Add("Warm " + wb);
                result.Details.Add("Warm " + wm);
            }
            finally
            {
                File.Delete(script);
            }
            return result;
        }

        /// <summary>A copy of the empty module's DLL with a minimal manifest next to it.</summary>
        private static string ManifestWrappedEmpty(string emptyDll)
        {
            var target = Path.Combine(Path.GetTempPath(), $"crmtools-bench-wrapped-{Environment.ProcessId}", "EmptyBinaryModule");
            Directory.CreateDirectory(target);
            File.Copy(emptyDll, Path.Combine(target, Path.GetFileName(emptyDll)), overwrite: true);
            var psd1 = Path.Combine(target, "EmptyBinaryModule.psd1");
            File.WriteAllText(psd1, $"@{{ RootModule = '{Path.GetFileName(emptyDll)}'; ModuleVersion = '1.0.0' }}");
            return psd1;
        }

        /// <summary>A copy of the packaged module whose manifest names no format or types file.</summary>
        private static string BareCopy(string manifest)
        {
            var source = Path.GetDirectoryName(manifest)!;
            var target = Path.Combine(Path.GetTempPath(), $"crmtools-bench-bare-{Environment.ProcessId}", "CrmTools");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
            }
            var psd1 = Path.Combine(target, "CrmTools.psd1");
            var lines = File.ReadAllLines(psd1);
            File.WriteAllLines(psd1, Array.FindAll(lines, l => !l.TrimStart().StartsWith("FormatsToProcess", StringComparison.Ordinal) &&
                                                                !l.TrimStart().StartsWith("TypesToProcess", StringComparison.Ordinal)));
            return psd1;
        }
    }
}
