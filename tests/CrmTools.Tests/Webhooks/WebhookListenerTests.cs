using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>Start-CrmWebhookListener and Receive-CrmWebhook end to end, with the sandbox sending real webhooks.</summary>
    public sealed class WebhookListenerTests : WebhookTestBase
    {
        public WebhookListenerTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public async Task Sandbox_webhooks_arrive_verified_with_their_lead_and_leave_the_spool_once_received()
        {
            // The key comes from the session's connection.
            StartListener("-Ppl", before: "Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey");
            RegisterPplWebhook("lead.creation", Urls["Ppl"]);
            var ids = new List<long>();
            for (int i = 1; i <= 3; i++) ids.Add(await CreateSandboxLead($"Hooked {i}"));
            await WaitForPending(3);

            var r = Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(3, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("PplWebhookEvent", o.BaseObject.GetType().Name));
            Assert.All(r.Output, o => Assert.True(P<bool>(o, "Verified")));
            Assert.All(r.Output, o => Assert.Equal("lead.creation", P<string>(o, "Event")));
            Assert.All(r.Output, o => Assert.Equal("Ppl", P<string>(o, "Service")));
            var leads = r.Output.Select(o => (PSObject)PSObject.AsPSObject(o.Properties["Data"].Value)).ToList();
            Assert.All(leads, l => Assert.Equal("PplLead", l.BaseObject.GetType().Name));
            Assert.Equal(ids.OrderBy(x => x), leads.Select(l => P<long>(l, "Id")).OrderBy(x => x));
            Assert.All(leads, l => Assert.StartsWith("Hooked ", P<string>(l, "Title")));
            var received = r.Output.Select(o => P<DateTimeOffset>(o, "ReceivedAt")).ToList();
            Assert.Equal(received.OrderBy(t => t), received); // oldest first
            // The body is there as objects too.
            Assert.Equal("lead.creation", ((PSObject)((PSObject)r.Output[0].Properties["Body"].Value).Properties["webhook_event"].Value).Properties["event"].Value);

            Assert.Equal(0, PendingFiles);
            Assert.Empty(Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess().Output);
            // The sandbox recorded each delivery as answered 200.
            var events = await SandboxApi(HttpMethod.Get, "webhook_events");
            Assert.All(events.EnumerateArray().Where(e => ids.Contains(e.GetProperty("data").GetProperty("id").GetInt64())),
                e => Assert.Equal(200, e.GetProperty("last_returned_code").GetInt32()));
            Assert.Equal(3L, Listener("Stored"));
        }

        [Fact]
        public async Task Forged_and_unsigned_deliveries_get_401_and_nothing_is_stored()
        {
            StartListener("-Ppl -PplApiKey $PplKey");
            var forged = await Post(Urls["Ppl"], Deliveries.Ppl(984, "a-guessed-api-key"));
            var unsigned = await Post(Urls["Ppl"], Deliveries.Ppl(985, null));
            var replayed = await Post(Urls["Ppl"], Deliveries.Ppl(986, null, signature: Deliveries.Sign(984, ApiKey)));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            Assert.Contains("signature", await forged.Content.ReadAsStringAsync());
            Assert.Equal(0, PendingFiles);
            Assert.Empty(Directory.GetFiles(Spool.Sub("ids")));
            Assert.Equal(3L, Listener("Rejected"));
            Assert.Equal(0L, Listener("Stored"));
            var log = ListenerLog();
            Assert.Contains(log, l => l.Contains("401 POST /hooks/ppl") && l.Contains("signature does not match") && l.Contains("nothing stored"));
            Assert.Contains(log, l => l.Contains("401 POST /hooks/ppl") && l.Contains("unsigned"));
            Assert.DoesNotContain(log, l => l.Contains(ApiKey));
            Assert.Empty(Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess().Output);
        }

        [Fact]
        public async Task Deliveries_signed_with_another_key_are_refused_and_the_sandbox_sees_401()
        {
            StartListener("-Ppl -PplApiKey $Wrong", before: "$Wrong = [System.Net.NetworkCredential]::new('', 'not-the-sandbox-key').SecurePassword");
            await RegisterSandboxWebhook("lead.creation", Urls["Ppl"]);
            var id = await CreateSandboxLead("Forged by key");
            JsonElement ev = default;
            for (int i = 0; i < 100; i++)
            {
                ev = (await SandboxApi(HttpMethod.Get, "webhook_events")).EnumerateArray()
                    .FirstOrDefault(e => e.GetProperty("data").GetProperty("id").GetInt64() == id);
                if (ev.ValueKind == JsonValueKind.Object && ev.GetProperty("last_returned_code").ValueKind == JsonValueKind.Number) break;
                await Task.Delay(50);
            }
            Assert.Equal(401, ev.GetProperty("last_returned_code").GetInt32());
            Assert.Equal(0, PendingFiles);
        }

        [Fact]
        public async Task Wrong_method_type_size_path_and_body_are_refused_with_a_log_line_each()
        {
            StartListener("-LimeGo -MaxBodyBytes 1024");
            var url = Urls["LimeGo"];
            var big = "{\"eventType\":\"DealWon\",\"pad\":\"" + new string('x', 2000) + "\"}";
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Post(url, big)).StatusCode);
            // Without a Content-Length (chunked): cut off once past the limit.
            var chunked = new PushStreamContent(big);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Http.PostAsync(url, chunked)).StatusCode);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Post(url, "{\"a\":1}", "text/plain")).StatusCode);
            var get = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
            Assert.Contains("POST", get.Content.Headers.Allow);
            Assert.Equal(HttpStatusCode.NotFound, (await Post(url.Replace("/limego", "/other"), "{}")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Post(url, "{not json")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Post(url, "{\"eventType\":\"DealWon\",\"id\":1}")).StatusCode);

            Assert.Equal(1, PendingFiles);
            var log = ListenerLog();
            foreach (var status in new[] { "413", "415", "405", "404", "400" })
            {
                Assert.Contains(log, l => l.Contains(" " + status + " ") && l.Contains("rejected") && l.Contains("nothing stored"));
            }
            Assert.Equal(6L, Listener("Rejected"));
        }

        [Fact]
        public void Plain_http_on_a_public_address_is_refused_unless_allowed()
        {
            var r = Run("Start-CrmWebhookListener -Prefix http://0.0.0.0:0/hooks/ -LimeGo -SpoolPath $Spool");
            var error = Assert.Single(r.Errors);
            Assert.Equal("Crm.InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-AllowInsecure", error.Exception.Message);
            Assert.Empty(r.Output);
            Assert.False(Directory.Exists(Spool.Path));
        }

        [Fact]
        public async Task A_redelivered_event_is_answered_200_and_stored_once()
        {
            StartListener("-Ppl -PplApiKey $PplKey");
            var body = Deliveries.Ppl(4242, ApiKey);
            var first = await Post(Urls["Ppl"], body);
            var second = await Post(Urls["Ppl"], body);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains("stored", await first.Content.ReadAsStringAsync());
            Assert.Contains("duplicate", await second.Content.ReadAsStringAsync());
            var r = Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess();
            Assert.Single(r.Output);
            Assert.Equal(4242L, P<long>(r.Output[0], "Id"));
            Assert.Equal("Bountiful", P<string>((PSObject)PSObject.AsPSObject(r.Output[0].Properties["Data"].Value), "Title"));
            // Also once received: the id is remembered.
            Assert.Equal(HttpStatusCode.OK, (await Post(Urls["Ppl"], body)).StatusCode);
            Assert.Equal(0, PendingFiles);
            Assert.Equal(2L, Listener("Duplicates"));
        }

        [Fact]
        public async Task A_downstream_failure_leaves_the_event_in_the_spool_for_next_time()
        {
            StartListener("-Ppl -PplApiKey $PplKey");
            foreach (var id in new[] { 1L, 2L, 3L }) Assert.Equal(HttpStatusCode.OK, (await Post(Urls["Ppl"], Deliveries.Ppl(id, ApiKey))).StatusCode);

            // -Peek takes nothing.
            Assert.Equal(3, Run("Receive-CrmWebhook -SpoolPath $Spool -Peek").EnsureSuccess().Output.Count);
            Assert.Equal(3, PendingFiles);

            // The first is handled; the second fails downstream: it stays, and so does the third (never reached).
            var failed = Run("$n = 0; Receive-CrmWebhook -SpoolPath $Spool | ForEach-Object { $n++; if ($n -eq 2) { throw 'billing failed' }; $_.Id }");
            Assert.True(failed.Terminated);
            Assert.Contains("billing failed", failed.TerminatingError!.Exception.Message);
            Assert.Equal(new object[] { 1L }, failed.Objects);
            Assert.Equal(2, PendingFiles);

            // A non-terminating error downstream is not a failure to take the event.
            var next = Run("Receive-CrmWebhook -SpoolPath $Spool | ForEach-Object { Write-Error \"noted $($_.Id)\"; $_.Id }");
            Assert.Equal(new object[] { 2L, 3L }, next.Objects);
            Assert.Equal(2, next.Errors.Count);
            Assert.Equal(0, PendingFiles);
        }

        [Fact]
        public async Task Wait_streams_new_events_as_they_arrive_until_stopped()
        {
            StartListener("-Ppl -PplApiKey $PplKey");
            using var reader = new PsSession();
            var seen = 0;
            var three = new TaskCompletionSource();
            reader.OutputWritten += _ => { if (Interlocked.Increment(ref seen) == 3) three.TrySetResult(); };
            using var stop = new CancellationTokenSource();
            var running = reader.RunAsync("Receive-CrmWebhook -SpoolPath $Spool -Wait", new Dictionary<string, object?> { ["Spool"] = Spool.Path }, stop.Token);
            await Task.Delay(300);
            for (long id = 10; id < 13; id++)
            {
                Assert.Equal(HttpStatusCode.OK, (await Post(Urls["Ppl"], Deliveries.Ppl(id, ApiKey))).StatusCode);
                await Task.Delay(100);
            }
            await three.Task.WaitAsync(TimeSpan.FromSeconds(15));
            stop.Cancel();
            var r = await running.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(r.Stopped);
            Assert.Equal(new object[] { 10L, 11L, 12L }, r.Output.Select(o => o.Properties["Id"].Value));
            Assert.Equal(0, PendingFiles);
            // The consumer's lock went with it: another Receive may read now.
            Assert.Empty(Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess().Output);
        }

        [Fact]
        public async Task Lime_Go_and_Userlike_deliveries_come_as_events_with_their_body_and_typed_model()
        {
            StartListener("-LimeGo -Userlike");
            Assert.Equal(HttpStatusCode.OK, (await Post(Urls["LimeGo"],
                "{\"position\":77,\"eventType\":\"DealWon\",\"coworker\":{\"firstName\":\"Anna\",\"lastName\":\"Berg\"},\"deal\":{\"id\":5,\"name\":\"Big deal\"}}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Post(Urls["Userlike"],
                "{\"_type\":\"conversation\",\"_event\":\"ended\",\"id\":4711,\"status\":\"resolved\",\"subject\":\"Pricing\",\"contact\":{\"id\":9,\"name\":\"Ada\",\"email\":\"ada@example.com\"},\"transcript\":[]}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Post(Urls["Userlike"], "{\"_type\":\"chat_session\",\"_event\":\"start\",\"id\":12}")).StatusCode);

            // Only Lime Go: the Userlike deliveries stay.
            var lime = Run("Receive-CrmWebhook -SpoolPath $Spool -Service LimeGo").EnsureSuccess();
            var ev = Assert.Single(lime.Output);
            Assert.Equal("CrmWebhookEvent", ev.BaseObject.GetType().Name);
            Assert.Equal("LimeGo", P<string>(ev, "Service"));
            Assert.Equal("77", P<string>(ev, "EventId"));
            Assert.Equal("DealWon", P<string>(ev, "EventName"));
            Assert.Equal("Big deal", ((PSObject)((PSObject)ev.Properties["Body"].Value).Properties["deal"].Value).Properties["name"].Value);
            var typed = PSObject.AsPSObject(ev.Properties["TypedBody"].Value);
            Assert.Equal("LimeGoEvent", typed.BaseObject.GetType().Name);
            Assert.Equal(5L, P<long?>(typed, "DealId"));
            Assert.Equal(2, PendingFiles);

            var ul = Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(2, ul.Output.Count);
            Assert.Equal(new[] { "conversation.ended", "chat_session.start" }, ul.Output.Select(o => P<string>(o, "EventName")));
            Assert.All(ul.Output, o => Assert.StartsWith("sha256:", P<string>(o, "EventId")));
            Assert.Equal("4711", P<string>(ul.Output[0], "ObjectId"));
            var conversation = PSObject.AsPSObject(ul.Output[0].Properties["TypedBody"].Value);
            Assert.Equal("UserlikeConversation", conversation.BaseObject.GetType().Name);
            Assert.Equal(4711L, P<long>(conversation, "Id"));
            Assert.Null(ul.Output[1].Properties["TypedBody"].Value);
            Assert.Equal(0, PendingFiles);
        }

        [Fact]
        public async Task Listeners_are_listed_stopped_and_their_spool_kept_for_one_writer_at_a_time()
        {
            var logFile = Spool.Sub("logs/listener.log");
            StartListener($"-LimeGo -LogPath '{logFile}'");
            var id = Convert.ToInt32(Listener("Id"));
            var listed = Run("Get-CrmWebhookListener -Id $Id", new Dictionary<string, object?> { ["Id"] = id }).EnsureSuccess();
            Assert.Equal("Running", Assert.Single(listed.Output).Properties["State"].Value.ToString());
            Assert.Contains($"/hooks/limego", listed.Output[0].Properties["Urls"].Value is string[] urls ? urls[0] : "");

            var busy = Run("Start-CrmWebhookListener -Prefix http://127.0.0.1:0/other/ -Userlike -SpoolPath $Spool");
            Assert.Equal("Crm.WebhookSpoolBusy", Assert.Single(busy.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(busy.Output);

            Assert.Equal(HttpStatusCode.OK, (await Post(Urls["LimeGo"], "{\"eventType\":\"DealLost\",\"id\":\"x1\"}")).StatusCode);
            Run("$global:listener | Stop-CrmWebhookListener").EnsureSuccess();
            Assert.Equal("Stopped", Listener("State")!.ToString());
            Assert.Empty(Run("Get-CrmWebhookListener -Id $Id -ErrorAction SilentlyContinue", new Dictionary<string, object?> { ["Id"] = id }).Output);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Post(Urls["LimeGo"], "{}"));

            var log = File.ReadAllLines(logFile);
            Assert.Contains(log, l => l.Contains("started"));
            Assert.Contains(log, l => l.Contains("stored Lime Go event x1 (DealLost)"));
            Assert.Contains(log, l => l.Contains("stopped: 1 stored"));

            // The spool outlives the listener, and a new listener on it remembers the ids.
            Assert.Equal(1, PendingFiles);
            StartListener("-LimeGo");
            Assert.Contains("duplicate", await (await Post(Urls["LimeGo"], "{\"eventType\":\"DealLost\",\"id\":\"x1\"}")).Content.ReadAsStringAsync());
            Assert.Single(Run("Receive-CrmWebhook -SpoolPath $Spool").EnsureSuccess().Output);
        }

        [Fact]
        public async Task Wait_runs_in_the_foreground_writing_log_lines_until_stopped_from_elsewhere()
        {
            using var host = new PsSession();
            var spool = Spool.Path;
            var running = host.RunAsync("Start-CrmWebhookListener -Prefix http://127.0.0.1:0/hooks/ -LimeGo -SpoolPath $Spool -Wait",
                new Dictionary<string, object?> { ["Spool"] = spool });
            string? url = null;
            for (int i = 0; i < 100 && url == null; i++)
            {
                await Task.Delay(100);
                var urls = Run("Get-CrmWebhookListener | Where-Object SpoolPath -eq $Spool | ForEach-Object { $_.Urls[0] }").Output;
                if (urls.Count > 0) url = urls[0].ToString();
            }
            Assert.NotNull(url);
            Assert.Equal(HttpStatusCode.OK, (await Post(url!, "{\"eventType\":\"MeetingBooked\",\"id\":\"m1\"}")).StatusCode);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Post(url!, "x", "text/plain")).StatusCode);
            await Task.Delay(700); // the foreground writes lines within half a second
            Run("Get-CrmWebhookListener | Where-Object SpoolPath -eq $Spool | Stop-CrmWebhookListener").EnsureSuccess();
            var r = await running.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(r.Terminated, r.ToString());
            Assert.Contains(r.Information, l => l.Contains("started"));
            Assert.Contains(r.Information, l => l.Contains("stored Lime Go event m1"));
            Assert.Contains(r.Information, l => l.Contains("415") && l.Contains("rejected"));
            Assert.Contains(r.Information, l => l.Contains("stopped"));
            Assert.Contains("stored Lime Go event m1", r.HostText);
        }

        [Fact]
        public void A_connection_without_an_api_key_cannot_verify_ProPipelines_deliveries()
        {
            var r = Run("$c = Connect-Ppl -BaseUri $PplUri -Credential $Cred -PassThru; Start-CrmWebhookListener -Prefix http://127.0.0.1:0/hooks/ -PplConnection $c -SpoolPath $Spool",
                new Dictionary<string, object?> { ["Cred"] = AdminCredential() });
            var error = Assert.Single(r.Errors);
            Assert.Equal("Crm.InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("without an API key", error.Exception.Message);
        }

        [Fact]
        public void The_about_topic_covers_https_unattended_runs_and_restarts()
        {
            var r = Run("Get-Help about_CrmWebhooks | Out-Default").EnsureSuccess();
            foreach (var text in new[] { "reverse proxy", "netsh http add sslcert", "-Wait", "Restarts and crashes", "-AllowInsecure" })
            {
                Assert.Contains(text, r.HostText);
            }
        }

        private System.Management.Automation.PSCredential AdminCredential()
        {
            var admin = Sandbox.Ppl.Users.First(u => u.IsAdmin);
            return new System.Management.Automation.PSCredential(admin.Email, Secure(admin.Password));
        }

        /// <summary>A body sent without Content-Length (chunked transfer).</summary>
        private sealed class PushStreamContent : HttpContent
        {
            private readonly byte[] _bytes;

            public PushStreamContent(string text)
            {
                _bytes = System.Text.Encoding.UTF8.GetBytes(text);
                Headers.TryAddWithoutValidation("Content-Type", "application/json");
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                for (int i = 0; i < _bytes.Length; i += 256) await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(256, _bytes.Length - i)));
            }

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }
    }
}
