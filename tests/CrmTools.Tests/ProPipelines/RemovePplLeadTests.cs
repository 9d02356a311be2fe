using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class RemovePplLeadTests : PplCommandTestBase
    {
        public RemovePplLeadTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        private static IEnumerable<long> IdsIn(SandboxRequest request) =>
            JsonDocument.Parse(request.Body!).RootElement.GetProperty("ids").GetString()!.Split(',').Select(long.Parse);

        [Fact]
        public void Two_hundred_fifty_ids_cost_exactly_three_delete_multiple_requests()
        {
            var r = RunConnected("1001..1250 | Remove-PplLead -Confirm:$false").EnsureSuccess();
            Assert.Empty(r.Output);
            var deletes = Requests("DELETE");
            Assert.Equal(3, deletes.Count);
            Assert.All(deletes, d => Assert.EndsWith("/leads/delete_multiple", d.Path));
            Assert.Equal(new[] { 100, 100, 50 }, deletes.Select(d => IdsIn(d).Count()));
            Assert.Equal(Enumerable.Range(1001, 250).Select(i => (long)i), deletes.SelectMany(IdsIn));
            Assert.Equal(SeededLeads - 250, Sandbox.Ppl.LeadCount);
        }

        [Fact]
        public void A_thousand_lead_delete_costs_ten_requests()
        {
            Sandbox.Ppl.SeedLeads(1000);
            RunConnected("Get-PplLead -IncludeUnassigned | Remove-PplLead -Force").EnsureSuccess();
            Assert.Equal(10, Sandbox.Control.CountRequests("/delete_multiple"));
            Assert.Equal(0, Sandbox.Ppl.LeadCount);
        }

        [Fact]
        public void Each_id_the_service_did_not_delete_is_its_own_error_with_the_id_as_target()
        {
            var r = RunConnected("1001, 999998, 1002, 999999, 1001 | Remove-PplLead -Force");
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => AssertError(e, "Ppl.LeadNotDeleted", ErrorCategory.ObjectNotFound));
            Assert.Equal(new object[] { 999998L, 999999L }, r.Errors.Select(e => e.TargetObject));
            var delete = Assert.Single(Requests("DELETE"));
            Assert.Equal(new long[] { 1001, 999998, 1002, 999999 }, IdsIn(delete));
            Assert.Equal(SeededLeads - 2, Sandbox.Ppl.LeadCount);
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            var r = RunConnected("Get-PplLead -First 120 | Remove-PplLead -WhatIf").EnsureSuccess();
            Assert.Empty(Requests("DELETE"));
            Assert.Equal(SeededLeads, Sandbox.Ppl.LeadCount);
            Assert.Contains("What if: Performing the operation \"Delete\" on target \"Lead ", r.HostText);
        }

        [Fact]
        public void Without_confirmation_nothing_is_deleted_when_the_user_says_no()
        {
            Session.Answer("N");
            var r = RunConnected("Remove-PplLead -Id 1001");
            Assert.Empty(Requests("DELETE"));
            Assert.Equal(SeededLeads, Sandbox.Ppl.LeadCount);
        }

        [Fact]
        public void A_failed_batch_reports_each_of_its_ids_and_the_other_batches_go_on()
        {
            // The second batch meets a server error (not retried: not transient).
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 0, Times = 1 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 500, Times = 1 });
            var r = RunConnected("1001..1250 | Remove-PplLead -Force");
            Assert.Equal(100, r.Errors.Count);
            Assert.All(r.Errors, e => AssertError(e, "Ppl.ServerError", ErrorCategory.ConnectionError));
            Assert.Equal(Enumerable.Range(1101, 100).Select(i => (object)(long)i), r.Errors.Select(e => e.TargetObject));
            Assert.Equal(SeededLeads - 150, Sandbox.Ppl.LeadCount);
        }
    }
}
