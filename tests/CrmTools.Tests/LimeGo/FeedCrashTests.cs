using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>A process killed (SIGKILL) in the middle of a drain loses no event: the next run replays the spool.</summary>
    public class FeedCrashTests : LimeGoTestBase
    {
        private const int Events = 1000;

        public FeedCrashTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void A_process_killed_mid_drain_loses_no_event_and_the_next_run_replays_the_spool()
        {
            LimeGo.EnqueueEvents(Events);
            var processed = Path.Combine(Path.GetTempPath(), $"crmtools-limego-processed-{Guid.NewGuid():N}.txt");
            var script = Path.Combine(Path.GetTempPath(), $"crmtools-limego-drain-{Guid.NewGuid():N}.ps1");
            // The downstream work: record each event's position (the side effect), slowly enough to be killed mid-way.
            File.WriteAllText(script, @"
param($Uri, $Key, $Spool, $Out)
Connect-LimeGo -BaseUri $Uri -ApiKey ([System.Net.NetworkCredential]::new('', $Key).SecurePassword)
Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object {
    [System.IO.File]::AppendAllText($Out, $_.Position + [Environment]::NewLine)
    [System.Threading.Thread]::Sleep(3)
}
");
            try
            {
                var output = new StringBuilder();
                using (var child = StartHost(output, script, "-Uri", LimeGo.BaseUri.ToString(), "-Key", LimeGo.ApiKey, "-Spool", Spool, "-Out", processed))
                {
                    var deadline = DateTime.UtcNow.AddSeconds(90);
                    while (Lines(processed).Count < 120 && !child.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
                    if (child.HasExited) Assert.Fail("the child ended before it could be killed: " + output);
                    child.Kill(); // SIGKILL on Linux and macOS, TerminateProcess on Windows: no cleanup runs
                    Assert.True(child.WaitForExit(30_000));
                }
                var before = Lines(processed);
                Assert.InRange(before.Count, 120, Events - 1);

                var rest = RunConnected("Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object { $_.Position }").EnsureSuccess();
                var after = Positions(rest);

                // Everything exactly once, in order, except that the event being processed at the kill may come again
                // (its side effect happened, its acknowledgement did not): at most one repeat, right at the seam.
                var all = before.Concat(after).ToList();
                var repeats = all.Count - all.Distinct().Count();
                Assert.InRange(repeats, 0, 1);
                if (repeats == 1) Assert.Equal(before[before.Count - 1], after[0]);
                Assert.Equal(Range(1, Events), all.Distinct().ToList());
                Assert.Equal(0, LimeGo.FeedLength());
            }
            finally
            {
                File.Delete(script);
                File.Delete(processed);
            }
        }

        private static List<long> Lines(string path)
        {
            if (!File.Exists(path)) return new List<long>();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            // A line being written when we look may be partial: only count complete ones.
            var text = reader.ReadToEnd();
            var complete = text.Substring(0, text.LastIndexOf('\n') + 1);
            return complete.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        }

        /// <summary>Runs a script in the console host (a separate process hosting the runspace), with the packaged module.</summary>
        private static Process StartHost(StringBuilder output, string script, params string[] arguments)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { HostExecutable(), "--module", ModulePath.Manifest, script }.Concat(arguments)) psi.ArgumentList.Add(a);
            var process = Process.Start(psi)!;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        private static string HostExecutable()
        {
            // tests/CrmTools.Tests/bin/<Configuration>/net10.0 -> tools/CrmTools.Host/bin/<Configuration>/net10.0
            var testDir = Path.GetDirectoryName(typeof(FeedCrashTests).Assembly.Location)!;
            var configuration = new DirectoryInfo(testDir).Parent!.Name;
            var root = new DirectoryInfo(testDir);
            while (root != null && !File.Exists(Path.Combine(root.FullName, "CrmTools.sln"))) root = root.Parent;
            Assert.NotNull(root);
            var path = Path.Combine(root!.FullName, "tools", "CrmTools.Host", "bin", configuration, "net10.0", "CrmTools.Host.dll");
            Assert.True(File.Exists(path), "build the console host first: " + path);
            return path;
        }
    }
}
