using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>
    /// The listener's process is killed (Process.Kill, no chance to clean up) while deliveries are being accepted and
    /// before any was processed; a new listener on the same spool and port takes over, the sender sends again what got
    /// no answer (as the services do), and Receive-CrmWebhook then delivers every accepted event exactly once.
    /// </summary>
    public sealed class WebhookCrashTests : IDisposable
    {
        private const string Script = @"
$key = [System.Net.NetworkCredential]::new('', $env:CRMTOOLS_TEST_PPL_KEY).SecurePassword
Start-CrmWebhookListener -Prefix ""http://127.0.0.1:$($env:CRMTOOLS_TEST_PORT)/hooks/"" -Ppl -PplApiKey $key -SpoolPath $env:CRMTOOLS_TEST_SPOOL -Wait
";
        private readonly ITestOutputHelper _output;
        private readonly TempFolder _dir = new TempFolder("crmtools-crash");
        private readonly string _key = "crash-key-" + Guid.NewGuid().ToString("N");
        private readonly List<Process> _children = new List<Process>();

        public WebhookCrashTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_accepted_event_is_delivered_once_after_the_listener_process_is_killed_and_restarted()
        {
            const int events = 400;
            Directory.CreateDirectory(_dir.Path);
            var script = _dir.Sub("listen.ps1");
            File.WriteAllText(script, Script);
            var spool = _dir.Sub("spool");
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}/hooks/ppl";
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { Timeout = TimeSpan.FromSeconds(20) };

            // 1. Deliveries stream in; the process is killed once about a third are answered.
            var first = await StartListener(script, spool, port);
            var accepted = new ConcurrentDictionary<int, bool>();
            int answered = 0;
            var killed = new TaskCompletionSource();
            var sending = Parallel.ForEachAsync(Enumerable.Range(1, events), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                try
                {
                    using var response = await client.PostAsync(url, Body(id), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        accepted[id] = true;
                        if (Interlocked.Increment(ref answered) == events / 3)
                        {
                            first.Kill(entireProcessTree: true);
                            killed.TrySetResult();
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException || ex is IOException)
                {
                    // no answer: the sender will try again
                }
            });
            await sending;
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(first.WaitForExit(20_000));
            Assert.InRange(accepted.Count, events / 3, events - 1);
            var pendingAfterKill = Directory.GetFiles(Path.Combine(spool, "pending")).Length;
            _output.WriteLine($"before the kill: {accepted.Count} answered 200; {pendingAfterKill} in pending/, {Directory.GetFiles(Path.Combine(spool, "tmp")).Length} in tmp/");
            // Nothing answered 200 is missing from the spool, even before recovery.
            Assert.True(pendingAfterKill >= accepted.Count);

            // 2. Restarted on the same spool and port: the sender retries what got no answer, and (as services do) also
            //    some that did.
            var second = await StartListener(script, spool, port);
            var retried = 0;
            foreach (var id in Enumerable.Range(1, events).Where(i => !accepted.ContainsKey(i) || i % 10 == 0))
            {
                using var response = await client.PostAsync(url, Body(id));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                retried++;
            }
            _output.WriteLine($"after the restart: {retried} sent again");
            second.Kill(entireProcessTree: true);
            Assert.True(second.WaitForExit(20_000));

            // 3. Processing: every event once.
            using var session = new PsSession();
            var received = session.Run("Receive-CrmWebhook -SpoolPath $Spool | ForEach-Object { $_.Id }", new Dictionary<string, object?> { ["Spool"] = spool })
                .EnsureSuccess().Objects.Cast<long>().ToList();
            Assert.Equal(events, received.Count);
            Assert.Equal(Enumerable.Range(1, events).Select(i => (long)i), received.OrderBy(i => i));
            Assert.Empty(Directory.GetFiles(Path.Combine(spool, "tmp")));
        }

        private StringContent Body(int id) => new StringContent(Deliveries.Ppl(id, _key, leadId: 5000 + id), Encoding.UTF8, "application/json");

        private async Task<Process> StartListener(string script, string spool, int port)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { HostExecutable(), "--module", ModulePath.Manifest, script }) psi.ArgumentList.Add(a);
            psi.Environment["CRMTOOLS_TEST_PPL_KEY"] = _key;
            psi.Environment["CRMTOOLS_TEST_PORT"] = port.ToString();
            psi.Environment["CRMTOOLS_TEST_SPOOL"] = spool;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var text = new StringBuilder();
            var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (text) text.AppendLine(e.Data);
                if (e.Data.Contains("started:")) started.TrySetResult();
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (text) text.AppendLine(e.Data); };
            process.Start();
            _children.Add(process);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var done = await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(60_000));
            if (done != started.Task)
            {
                lock (text) Assert.Fail("the listener process did not start:\n" + text);
            }
            lock (text) _output.WriteLine(text.ToString().Trim());
            return process;
        }

        private static int FreePort()
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            return port;
        }

        /// <summary>tests/CrmTools.Tests/bin/&lt;Configuration&gt;/net10.0 -> tools/CrmTools.Host/bin/&lt;Configuration&gt;/net10.0/CrmTools.Host.dll</summary>
        private static string HostExecutable()
        {
            var testDir = Path.GetDirectoryName(typeof(WebhookCrashTests).Assembly.Location)!;
            var configuration = new DirectoryInfo(testDir).Parent!.Name;
            var root = new DirectoryInfo(testDir);
            while (root != null && !File.Exists(Path.Combine(root.FullName, "CrmTools.sln"))) root = root.Parent;
            Assert.NotNull(root);
            var path = Path.Combine(root!.FullName, "tools", "CrmTools.Host", "bin", configuration, "net10.0", "CrmTools.Host.dll");
            Assert.True(File.Exists(path), "build the console host first: " + path);
            return path;
        }

        public void Dispose()
        {
            foreach (var p in _children)
            {
                try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.Dispose();
            }
            _dir.Dispose();
        }
    }
}
