using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>
    /// The Nimble write commands that take -ThrottleLimit (CrmCmdlet.RunBulk): piped items are sent several at once,
    /// come back in input order, and a bad item is an error about that item while the others go on. Overlap is seen
    /// through the sandbox's count of requests in flight (with some latency so requests last long enough to meet).
    /// </summary>
    public class NimbleBulkTests : NimbleTestBase
    {
        private const string Missing = "ffffffffffffffffffffffff";

        public NimbleBulkTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed();
        }

        [Fact]
        public void Set_NimbleContact_updates_piped_contacts_at_once_in_input_order_and_a_missing_one_is_its_own_error()
        {
            var r = RunConnected(@"
                $ids = @(1..30 | ForEach-Object { [pscustomobject]@{ FirstName = ""Bulk$_"" } } | New-NimbleContact -ThrottleLimit 8 | ForEach-Object Id)
                $items = ($ids[0..14] + '" + Missing + @"' + $ids[15..29]) | ForEach-Object { [pscustomobject]@{ Id = $_ } }
                $Sandbox.Control.ResetRequestLog()
                $Sandbox.Control.LatencyMs = 30
                $updated = @($items | Set-NimbleContact -Title 'Bulk title' -ThrottleLimit 8 -ErrorVariable e -ErrorAction SilentlyContinue)
                $Sandbox.Control.LatencyMs = 0
                $ids.Count; $updated.Count
                ($updated.Id -join ',') -eq ($ids -join ',')
                @($updated | Where-Object Title -ne 'Bulk title').Count
                $e.Count; $e[0].TargetObject; $e[0].FullyQualifiedErrorId");
            Assert.Empty(r.Errors.Where(e => !Equals(e.TargetObject, Missing)));
            Assert.Equal(30, r.Objects.ElementAt(0));
            Assert.Equal(30, r.Objects.ElementAt(1));
            Assert.Equal(true, r.Objects.ElementAt(2));
            Assert.Equal(0, r.Objects.ElementAt(3));
            Assert.Equal(1, r.Objects.ElementAt(4));
            Assert.Equal(Missing, r.Objects.ElementAt(5));
            Assert.StartsWith("Nimble.ContactNotFound", (string)r.Objects.ElementAt(6));
            Assert.Equal(31, Sandbox.Control.Requests.Count(q => q.Method == "PUT" && q.Path.Contains("/api/v1/contact/")));
            // The 31 updates overlapped, never more than the 8 allowed.
            Assert.InRange(Sandbox.Control.MaxConcurrentRequests, 2, 8);
        }

        [Fact]
        public void Set_NimbleContact_with_ThrottleLimit_1_sends_one_update_at_a_time()
        {
            var r = RunConnected(@"
                $ids = @(Get-NimbleContact -IdOnly -First 6)
                $Sandbox.Control.ResetRequestLog()
                $Sandbox.Control.LatencyMs = 20
                ($ids | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Set-NimbleContact -Title 'One by one' -ThrottleLimit 1).Id -join ','
                $ids -join ','").EnsureSuccess();
            Assert.Equal(r.Objects.ElementAt(1), r.Objects.ElementAt(0));
            Assert.Equal(6, Sandbox.Control.Requests.Count(q => q.Method == "PUT"));
            Assert.Equal(1, Sandbox.Control.MaxConcurrentRequests);
        }

        [Fact]
        public void New_NimbleDeal_creates_piped_deals_at_once_in_input_order_in_the_stage_each_names()
        {
            // Stages alternate, so a deal placed with another item's stage would show; one deal names a contact that
            // does not exist (refused by the service), one a stage that does not (refused before sending).
            var r = RunConnected(@"
                $rows = 1..30 | ForEach-Object {
                    [pscustomobject]@{
                        Name = ""Bulk deal $_""; Pipeline = 'Sales Pipeline'; Amount = $_
                        Stage = $(if ($_ % 2) { 'Proposal' } else { 'Negotiation' })
                        ContactId = $(if ($_ -eq 12) { @('" + Missing + @"') } else { @() })
                    }
                }
                $rows += [pscustomobject]@{ Name = 'Nowhere deal'; Pipeline = 'Sales Pipeline'; Stage = 'Nowhere' }
                $Sandbox.Control.ResetRequestLog()
                $Sandbox.Control.LatencyMs = 30
                $rows | New-NimbleDeal -ThrottleLimit 8
                $Sandbox.Control.LatencyMs = 0");
            var deals = r.Output.Select(o => (NimbleDeal)o.BaseObject).ToList();
            var expected = Enumerable.Range(1, 30).Where(i => i != 12).ToList();
            Assert.Equal(expected.Select(i => $"Bulk deal {i}"), deals.Select(d => d.Name));
            Assert.Equal(expected.Select(i => i % 2 == 1 ? "Proposal" : "Negotiation"), deals.Select(d => d.StageName));
            Assert.Equal(expected.Select(i => (decimal?)i), deals.Select(d => d.Amount));
            Assert.Equal(2, r.Errors.Count);
            var refused = Assert.Single(r.Errors, e => Equals(e.TargetObject, "Bulk deal 12"));
            Assert.StartsWith("Nimble.", refused.FullyQualifiedErrorId);
            Assert.Single(r.Errors, e => Equals(e.TargetObject, "Nowhere deal"));
            // 30 creations (the unknown stage sent nothing) after one pipeline listing for the whole command.
            Assert.Equal(30, Sandbox.Control.Requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/api/v2/deals")));
            Assert.Equal(1, Sandbox.Control.Requests.Count(q => q.Method == "GET" && q.Path.EndsWith("/api/v2/deals/pipelines")));
            Assert.InRange(Sandbox.Control.MaxConcurrentRequests, 2, 8);
        }

        [Fact]
        public void Set_NimbleDeal_moves_piped_deals_at_once_and_a_missing_one_is_its_own_error()
        {
            var r = RunConnected(@"
                $ids = @(1..12 | ForEach-Object { [pscustomobject]@{ Name = ""Move me $_""; Pipeline = 'Sales Pipeline'; Stage = 'Proposal' } } |
                    New-NimbleDeal -ThrottleLimit 8 | ForEach-Object DealId)
                $items = ($ids[0..5] + '" + Missing + @"' + $ids[6..11]) | ForEach-Object { [pscustomobject]@{ DealId = $_ } }
                $Sandbox.Control.ResetRequestLog()
                $Sandbox.Control.LatencyMs = 30
                $moved = @($items | Set-NimbleDeal -Pipeline 'Sales Pipeline' -Stage Negotiation -Amount 99 -ThrottleLimit 8 -ErrorVariable e -ErrorAction SilentlyContinue)
                $Sandbox.Control.LatencyMs = 0
                ($moved.DealId -join ',') -eq ($ids -join ',')
                @($moved | Where-Object { $_.StageName -ne 'Negotiation' -or $_.Amount -ne 99 }).Count
                $e.Count; $e[0].TargetObject");
            Assert.Empty(r.Errors.Where(e => !Equals(e.TargetObject, Missing)));
            Assert.Equal(new object[] { true, 0, 1, Missing }, r.Objects.ToArray());
            Assert.Equal(13, Sandbox.Control.Requests.Count(q => q.Method == "PUT" && q.Path.Contains("/api/v2/deals/")));
            Assert.InRange(Sandbox.Control.MaxConcurrentRequests, 2, 8);
        }

        [Fact]
        public void Notes_and_tasks_are_created_at_once_in_input_order()
        {
            var r = RunConnected(@"
                $contact = Get-NimbleContact -RecordType person -First 1
                $Sandbox.Control.ResetRequestLog()
                $Sandbox.Control.LatencyMs = 30
                $notes = @(1..12 | ForEach-Object { [pscustomobject]@{ ContactId = @($contact.Id); Note = ""Note $_"" } } | New-NimbleContactNote -ThrottleLimit 8)
                $tasks = @(1..12 | ForEach-Object { [pscustomobject]@{ Subject = ""Task $_""; ContactId = @($contact.Id) } } | New-NimbleTask -ThrottleLimit 8)
                $Sandbox.Control.LatencyMs = 0
                $notes.Note -join ','
                $tasks.Subject -join ','").EnsureSuccess();
            Assert.Equal(string.Join(",", Enumerable.Range(1, 12).Select(i => $"Note {i}")), r.Objects.ElementAt(0));
            Assert.Equal(string.Join(",", Enumerable.Range(1, 12).Select(i => $"Task {i}")), r.Objects.ElementAt(1));
            Assert.InRange(Sandbox.Control.MaxConcurrentRequests, 2, 8);
        }
    }
}
