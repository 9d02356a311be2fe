using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class WebhookTests : PplCommandTestBase
    {
        public WebhookTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        [Fact]
        public void A_registered_webhook_is_delivered_to_a_local_listener_and_its_signature_verifies()
        {
            using var listener = new LocalListener();
            var delivery = listener.NextBodyAsync();
            var registered = RunConnected("Register-PplWebhook -Event lead.creation -Uri $uri -Name 'Test hook'",
                new() { ["uri"] = new Uri(listener.Prefix + "hook") }).EnsureSuccess();
            var webhookId = P<long>(registered.Output[0], "Id");
            try
            {
                Run("New-PplLead -Title 'Delivered Inc' -Description 'Email: d@delivered.example'").EnsureSuccess();
                Assert.True(delivery.Wait(TimeSpan.FromSeconds(15)), "The sandbox did not deliver the event.");
                var body = delivery.Result;
                var sent = JsonDocument.Parse(body).RootElement.GetProperty("webhook_event");
                Assert.Equal("lead.creation", sent.GetProperty("event").GetString());

                var tampered = body.Replace(sent.GetProperty("signature").GetString()!, new string('0', 40));
                var r = Run(@"
                    Test-PplWebhookSignature -Body $body
                    Test-PplWebhookSignature -Body $tampered
                    Test-PplWebhookSignature -Body $body -ApiKey $PplKey
                    $e = Get-PplWebhookEvent | Where-Object Event -eq 'lead.creation' | Where-Object { $_.Data.Title -eq 'Delivered Inc' }
                    $e | Test-PplWebhookSignature
                    $e.Data", new() { ["body"] = body, ["tampered"] = tampered }).EnsureSuccess();
                Assert.Equal(new object[] { true, false, true, true }, r.Output.Take(4).Select(o => o.BaseObject));
                var lead = r.Output[4];
                Assert.Equal("PplLead", lead.BaseObject.GetType().Name);
                Assert.Equal("Email: d@delivered.example", P<string>(lead, "Description"));
            }
            finally
            {
                Run("Unregister-PplWebhook -Id $id -Force", new() { ["id"] = webhookId }).EnsureSuccess();
            }
        }

        [Fact]
        public void The_signature_is_sha1_of_the_event_id_followed_by_the_key()
        {
            var expected = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("984" + ApiKey))).ToLowerInvariant();
            var r = Run(@"Test-PplWebhookSignature -EventId 984 -Signature $sig -ApiKey $PplKey
                          Test-PplWebhookSignature -EventId 984 -Signature $sig.ToUpperInvariant() -ApiKey $PplKey
                          Test-PplWebhookSignature -EventId 985 -Signature $sig -ApiKey $PplKey", new() { ["sig"] = expected }).EnsureSuccess();
            Assert.Equal(new object[] { true, true, false }, r.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void An_unknown_event_is_refused_before_sending_and_step_events_are_accepted()
        {
            var error = RunExpectingValidationError("Register-PplWebhook -Event lead.craetion -Uri https://hooks.example/x", "Ppl.UnknownWebhookEvent");
            Assert.Contains("lead.creation", error.Exception.Message);

            var r = RunConnected(@"$w = Register-PplWebhook -Event 'Lead.Step.Changed.To.Sales funnel.Closing' -Email ops@example.com
                $w; $w | Unregister-PplWebhook -Force").EnsureSuccess();
            Assert.Equal("lead.step.changed.to.Sales funnel.Closing", P<string>(r.Output[0], "Event"));
            Assert.Equal("email", P<string>(r.Output[0], "TargetType"));
        }

        [Fact]
        public void The_action_menu_switch_is_only_for_manual_triggers()
        {
            var error = RunExpectingValidationError("Register-PplWebhook -Event lead.creation -Uri https://hooks.example/x -AddToLeadActionMenu");
            Assert.Contains("lead.manual.trigger", error.Exception.Message);
            var r = RunConnected("$w = Register-PplWebhook -Event lead.manual.trigger -Uri https://hooks.example/enrich -AddToLeadActionMenu; $w | Unregister-PplWebhook -Force").EnsureSuccess();
            Assert.True(JsonDocument.Parse(Requests("POST", "/webhooks")[0].Body!).RootElement.GetProperty("add_to_lead_action_menu").GetBoolean());
        }

        [Fact]
        public void A_user_token_cannot_manage_webhooks_and_is_told_before_sending()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred\nGet-PplWebhook; Register-PplWebhook -Event lead.creation -Uri https://hooks.example/x");
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => AssertError(e, "Ppl.ApiKeyRequired", ErrorCategory.InvalidArgument));
            Assert.Empty(Requests("GET", "/webhooks"));
        }

        [Fact]
        public void Registering_the_same_webhook_twice_is_a_conflict()
        {
            var r = RunConnected(@"$w = Register-PplWebhook -Event lead.deleted -Uri https://hooks.example/twice
                Register-PplWebhook -Event lead.deleted -Uri https://hooks.example/twice
                Get-PplWebhook -Event 'lead.del*' | Where-Object Target -eq 'https://hooks.example/twice' | Unregister-PplWebhook -Force");
            AssertError(Assert.Single(r.Errors), "Ppl.Conflict", ErrorCategory.InvalidData);
            Assert.Single(Requests("DELETE"));
        }

        [Fact]
        public void Event_names_tab_complete()
        {
            RunConnected("Get-PplStep | Out-Null").EnsureSuccess();
            using var ps = PowerShell.Create(Session.Runspace);
            var input = "Register-PplWebhook -Event lead.status.changed.to.";
            var completions = CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(c => c.CompletionText).ToList();
            Assert.Equal(new[] { "lead.status.changed.to.cancelled", "lead.status.changed.to.lost", "lead.status.changed.to.standby",
                                 "lead.status.changed.to.todo", "lead.status.changed.to.won" }, completions);
            input = "Register-PplWebhook -Event lead.step.changed.to.Acc";
            var steps = CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(c => c.CompletionText).ToList();
            Assert.Contains("'lead.step.changed.to.Accounting funnel.Paid'", steps);
        }

        /// <summary>An HTTP listener on a free local port that hands over the first POST body it receives.</summary>
        private sealed class LocalListener : IDisposable
        {
            private readonly HttpListener _listener = new HttpListener();

            public LocalListener()
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                Prefix = $"http://127.0.0.1:{port}/";
                _listener.Prefixes.Add(Prefix);
                _listener.Start();
            }

            public string Prefix { get; }

            public Task<string> NextBodyAsync() => Task.Run(async () =>
            {
                var context = await _listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                context.Response.StatusCode = 200;
                context.Response.Close();
                return body;
            });

            public void Dispose() => _listener.Close();
        }
    }
}
