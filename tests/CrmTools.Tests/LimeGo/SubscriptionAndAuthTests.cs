using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>Push subscriptions, authentication forms and secrets.</summary>
    public class SubscriptionAndAuthTests : LimeGoTestBase
    {
        public SubscriptionAndAuthTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void A_subscription_receives_pushed_events_until_it_is_unregistered()
        {
            using var target = new HttpListener();
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}/hook/";
            target.Prefixes.Add(url);
            target.Start();
            var received = new List<string>();
            var gotOne = new ManualResetEventSlim();
            var loop = new Thread(() =>
            {
                while (target.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = target.GetContext(); } catch (HttpListenerException) { return; } catch (ObjectDisposedException) { return; }
                    using (var reader = new System.IO.StreamReader(ctx.Request.InputStream)) lock (received) received.Add(reader.ReadToEnd());
                    ctx.Response.StatusCode = 200;
                    ctx.Response.Close();
                    gotOne.Set();
                }
            }) { IsBackground = true };
            loop.Start();

            var r = RunConnected("$s = Register-LimeGoSubscription -Uri $Url -Event dealwon; $s; Set-LimeGoDeal -Id 1005 -Status ORDER",
                new Dictionary<string, object?> { ["Url"] = new Uri(url) }).EnsureSuccess();
            var subscription = r.Output.Single();
            var id = P<string>(subscription, "Id");
            Assert.Equal(new[] { "DealWon" }, P<string[]>(subscription, "Events"));
            Assert.Contains(LimeGo.Subscriptions, s => s.Id.ToString() == id && s.State == "DealWon");
            Assert.True(gotOne.Wait(TimeSpan.FromSeconds(20)), "no delivery arrived");
            string body;
            lock (received) body = received.Single();
            using (var doc = JsonDocument.Parse(body))
            {
                Assert.Equal("DealWon", doc.RootElement.GetProperty("eventType").GetString());
                Assert.Equal(1005, doc.RootElement.GetProperty("deal").GetProperty("id").GetInt32());
            }

            Run("$s | Unregister-LimeGoSubscription -Confirm:$false").EnsureSuccess();
            Assert.Empty(LimeGo.Subscriptions);
            var again = Run("Unregister-LimeGoSubscription -Id $s.Id -Confirm:$false");
            Assert.Equal("LimeGo.SubscriptionNotFound,CrmTools.LimeGo.UnregisterLimeGoSubscriptionCommand", Assert.Single(again.Errors).FullyQualifiedErrorId);
            target.Stop();
        }

        [Fact]
        public void Unregister_asks_for_confirmation_and_WhatIf_removes_nothing()
        {
            RunConnected("$s = Register-LimeGoSubscription -Uri https://hooks.example.com/x").EnsureSuccess();
            Run("$s | Unregister-LimeGoSubscription -WhatIf").EnsureSuccess();
            Assert.Single(LimeGo.Subscriptions);
            var refused = Run("$s | Unregister-LimeGoSubscription");   // ConfirmImpact High: prompts, and no one answers
            Assert.NotEmpty(refused.Errors);
            Assert.Single(LimeGo.Subscriptions);
        }

        [Fact]
        public void Event_names_are_validated_before_sending()
        {
            var r = RunConnected("Register-LimeGoSubscription -Uri https://hooks.example.com/x -Event DealExploded");
            Assert.Equal("ParameterArgumentValidationError,CrmTools.LimeGo.RegisterLimeGoSubscriptionCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, Sandbox.Control.CountRequests("/event/subscription"));
        }

        [Fact]
        public void The_key_goes_in_the_go_api_header_or_when_asked_the_query_and_never_into_output()
        {
            var key = LimeGo.ApiKey;
            var header = RunConnected("$DebugPreference = 'Continue'; Get-LimeGoDeal -Id 1001 -Verbose -Debug; Get-LimeGoDeal -Id 424242 -Verbose");
            var request = Sandbox.Control.Requests.First(q => q.Path.EndsWith("/v1/graphql"));
            Assert.Equal("go-api:" + key, request.Headers["Authorization"]);
            Assert.DoesNotContain("apikey", request.Query);

            Sandbox.Control.ResetRequestLog();
            var query = Run("Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey -ApiKeyInQuery; Get-LimeGoDeal -Id 1001 -Verbose; Get-LimeGoDeal -Id 424242 -Verbose");
            var viaQuery = Sandbox.Control.Requests.Last(q => q.Path.EndsWith("/v1/graphql"));
            Assert.Contains("apikey=" + key, viaQuery.Query);
            Assert.False(viaQuery.Headers.ContainsKey("Authorization"));

            foreach (var result in new[] { header, query })
            {
                var everything = string.Join("\n", result.Verbose.Concat(result.Debug).Concat(result.Errors.Select(e => e.ToString() + e.Exception))
                    .Concat(result.Output.Select(o => o.ToString())).Append(result.HostText));
                Assert.DoesNotContain(key, everything);
                Assert.Contains("graphql", everything);
            }
            Assert.Contains(query.Verbose, v => v.Contains("apikey=***"));
            Assert.Contains(header.Debug, d => d.Contains("Authorization: go-api:***"));
        }

        [Fact]
        public void A_wrong_key_fails_to_connect_with_an_authentication_error()
        {
            var r = Run("Connect-LimeGo -BaseUri $LgUri -ApiKey $Wrong", new Dictionary<string, object?> { ["Wrong"] = Secure("0d7c1d5e-0000-4000-8000-000000000000") });
            var error = Assert.Single(r.Errors);
            Assert.Equal("LimeGo.Unauthorized,CrmTools.LimeGo.ConnectLimeGoCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.DoesNotContain("0d7c1d5e-0000-4000-8000-000000000000", error.ToString() + error.Exception);
        }

        private static int FreePort()
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            return port;
        }

        [Fact]
        public void Disconnect_forgets_the_connection_and_later_commands_say_there_is_none()
        {
            var r = Run(@"
                $c = Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey -PassThru
                Disconnect-LimeGo -WhatIf
                $c.IsDisposed
                Disconnect-LimeGo
                $c.IsDisposed
                @(Get-CrmConnection -Service LimeGo | Where-Object { [object]::ReferenceEquals($_, $c) }).Count
                Get-LimeGoDeal -First 1");
            Assert.Equal(new object[] { false, true, 0 }, r.Objects.ToArray());
            Assert.StartsWith("Crm.NotConnected", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}
