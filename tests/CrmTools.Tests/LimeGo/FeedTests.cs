using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>Get-LimeGoFeed: every event once, in order, whatever fails along the way.</summary>
    public class FeedTests : LimeGoTestBase
    {
        public FeedTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void Draining_a_few_thousand_events_gives_all_of_them_in_order_once()
        {
            LimeGo.EnqueueEvents(3000);
            var r = RunConnected("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(Range(1, 3000), Positions(r));
            Assert.All(r.Output, o => Assert.Equal("LimeGoEvent", o.BaseObject.GetType().Name));
            Assert.Equal(0, LimeGo.FeedLength());
            // 60 full batches and the empty answer that ends the drain... or not even that: a short batch ends it.
            Assert.InRange(Sandbox.Control.CountRequests("/event/feed", "GET"), 60, 61);
            Assert.Empty(Run("Get-LimeGoFeed -SpoolPath $Spool -Peek").EnsureSuccess().Output);
        }

        [Fact]
        public void Events_are_typed_with_deal_organization_coworker_and_unknown_fields_kept()
        {
            LimeGo.EnqueueEvents(40);
            var r = RunConnected("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();
            var dealEvent = r.Output.First(o => P<string>(o, "EventType").StartsWith("Deal"));
            var deal = (CrmTools.Engine.LimeGo.Models.LimeGoDeal)dealEvent.Properties["Deal"].Value;
            Assert.True(deal.Id >= 1001);
            Assert.NotNull(deal.Value);
            Assert.NotNull(deal.Status);
            Assert.Equal(deal.Id, P<long?>(dealEvent, "DealId"));
            Assert.NotNull(P<DateTimeOffset?>(dealEvent, "Timestamp"));
            var coworker = (CrmTools.Engine.LimeGo.Models.LimeGoCoworker)dealEvent.Properties["Coworker"].Value;
            Assert.Contains("@example.se", coworker.Email);
            Assert.Contains(" ", coworker.Name);
            var orgEvent = r.Output.First(o => P<string>(o, "EventType").StartsWith("Organization"));
            var org = (CrmTools.Engine.LimeGo.Models.LimeGoOrganization)orgEvent.Properties["Organization"].Value;
            Assert.NotNull(org.Relation);
            var extra = (Dictionary<string, System.Text.Json.JsonElement>)dealEvent.Properties["AdditionalProperties"].Value;
            Assert.Equal("sandbox", extra["origin"].GetString());
        }

        [Fact]
        public void First_stops_early_and_keeps_the_rest_safe()
        {
            LimeGo.EnqueueEvents(120);
            var first = RunConnected("Get-LimeGoFeed -SpoolPath $Spool -First 10").EnsureSuccess();
            Assert.Equal(Range(1, 10), Positions(first));
            // One batch was fetched: 40 of it wait in the spool, 70 on the service.
            Assert.Equal(70, LimeGo.FeedLength());
            Assert.Equal(Range(11, 40), Positions(Run("Get-LimeGoFeed -SpoolPath $Spool -Peek").EnsureSuccess()));
            var rest = Run("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(Range(11, 110), Positions(rest));
        }

        [Fact]
        public void A_failing_downstream_command_leaves_its_event_in_the_spool_for_the_next_run()
        {
            LimeGo.EnqueueEvents(10);
            var failed = RunConnected("Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object { if ($_.Position -eq '7') { throw 'downstream failed' }; $_.Position }");
            Assert.True(failed.Terminated);
            Assert.Contains("downstream failed", failed.TerminatingError!.ToString());
            Assert.Equal(Range(1, 6), Positions(failed));
            Assert.Equal(Range(7, 4), Positions(Run("Get-LimeGoFeed -SpoolPath $Spool -Peek").EnsureSuccess()));

            LimeGo.EnqueueEvents(5);
            var replay = Run("Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object { $_.Position }").EnsureSuccess();
            Assert.Equal(Range(7, 9), Positions(replay));
        }

        [Fact]
        public void A_non_terminating_error_downstream_counts_as_taken()
        {
            LimeGo.EnqueueEvents(5);
            var r = RunConnected("Get-LimeGoFeed -SpoolPath $Spool | ForEach-Object { if ($_.Position -eq '2') { Write-Error 'logged only' } else { $_.Position } }");
            Assert.Single(r.Errors);
            Assert.Equal(new List<long> { 1, 3, 4, 5 }, Positions(r));
            Assert.Empty(Run("Get-LimeGoFeed -SpoolPath $Spool -Peek").EnsureSuccess().Output);
        }

        [Fact]
        public async Task Wait_keeps_polling_and_Ctrl_C_loses_nothing()
        {
            LimeGo.EnqueueEvents(5);
            var seen = 0;
            Session.OutputWritten += item =>
            {
                var n = Interlocked.Increment(ref seen);
                // New events arrive later: the feed is polled empty (after 1 s), then again after a longer wait (2 s).
                if (n == 5) Task.Delay(TimeSpan.FromSeconds(1.5)).ContinueWith(_ => LimeGo.EnqueueEvents(3));
                if (n == 8) Session.Stop();
            };
            var variables = Variables();
            var run = Session.RunAsync("Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey; Get-LimeGoFeed -SpoolPath $Spool -Wait -PollInterval 1", variables);
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.Same(run, finished);
            var r = await run;
            Assert.True(r.Stopped);
            var delivered = Positions(r);
            var left = Positions(Run("Get-LimeGoFeed -SpoolPath $Spool -Peek").EnsureSuccess());
            Assert.Equal(Range(1, 8), delivered.Concat(left).ToList());
            Assert.Equal(Range(1, 8), delivered);
            Assert.True(Sandbox.Control.CountRequests("/event/feed", "GET") >= 3, "it should have polled the empty feed and then again");
        }

        [Fact]
        public async Task Two_drains_of_one_spool_never_interleave()
        {
            var holder = new PsSession();
            try
            {
                var variables = Variables();
                var started = new TaskCompletionSource<bool>();
                LimeGo.EnqueueEvents(1);
                holder.OutputWritten += _ => started.TrySetResult(true);
                var waiting = holder.RunAsync("Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey; Get-LimeGoFeed -SpoolPath $Spool -Wait -PollInterval 1", variables);
                await Task.WhenAny(started.Task, Task.Delay(TimeSpan.FromSeconds(30)));
                Assert.True(started.Task.IsCompleted, "the first drain did not start");

                var second = RunConnected("Get-LimeGoFeed -SpoolPath $Spool");
                Assert.Equal("LimeGo.SpoolInUse,CrmTools.LimeGo.GetLimeGoFeedCommand", Assert.Single(second.Errors).FullyQualifiedErrorId);
                Assert.Empty(second.Output);

                holder.Stop();
                await waiting;
                Assert.Empty(Run("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess().Output);
            }
            finally
            {
                holder.Dispose();
            }
        }

        [Fact]
        public void An_ambiguous_failure_of_the_feed_is_not_retried_but_a_429_is()
        {
            LimeGo.EnqueueEvents(3);
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/event/feed", Status = 502 });
            var failed = RunConnected("Get-LimeGoFeed -SpoolPath $Spool");
            Assert.Single(failed.Errors);
            Assert.Equal(1, Sandbox.Control.CountRequests("/event/feed", "GET"));
            Assert.Equal(3, LimeGo.FeedLength());

            Sandbox.Control.ResetRequestLog();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/event/feed", Status = 429, RetryAfter = "0" });
            var retried = Run("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(Range(1, 3), Positions(retried));
            Assert.Equal(2, Sandbox.Control.CountRequests("/event/feed", "GET"));
        }

        [Fact]
        public void The_default_spool_is_a_per_user_folder_keyed_by_account()
        {
            var r = Run(@"
                $a = Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey -PassThru
                $b = Connect-LimeGo -BaseUri $LgUri -ApiKey $Other -PassThru
                Get-LimeGoFeed -Peek -Connection $a -Verbose
                Get-LimeGoFeed -Peek -Connection $b -Verbose", new Dictionary<string, object?> { ["Other"] = Secure(LimeGo.SecondApiKey) }).EnsureSuccess();
            var folders = r.Verbose.Where(v => v.StartsWith("The spool")).ToList();
            Assert.Equal(2, folders.Count);
            Assert.All(folders, f => Assert.Contains(System.IO.Path.Combine("CrmTools", "LimeGo", "feed-"), f));
            Assert.NotEqual(folders[0], folders[1]);
            Assert.DoesNotContain(LimeGo.ApiKey, string.Join("\n", folders));
        }

        [Fact]
        public void Peek_with_a_spool_path_needs_no_connection()
        {
            LimeGo.EnqueueEvents(60);
            RunConnected("Get-LimeGoFeed -SpoolPath $Spool -First 1").EnsureSuccess();
            using var fresh = new PsSession();
            var r = fresh.Run("Get-LimeGoFeed -Peek -SpoolPath $Spool", new Dictionary<string, object?> { ["Spool"] = Spool }).EnsureSuccess();
            Assert.Equal(Range(2, 49), Positions(r));
        }

        [Fact]
        public void Events_show_in_the_default_table_view()
        {
            LimeGo.EnqueueEvents(3);
            var r = RunConnected("Get-LimeGoFeed -SpoolPath $Spool | Out-Default").EnsureSuccess();
            foreach (var header in new[] { "Position", "EventType", "Timestamp", "Subject", "Value", "State", "Coworker" }) Assert.Contains(header, r.HostText);
        }
    }
}
