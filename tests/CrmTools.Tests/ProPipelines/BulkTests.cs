using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>Bulk runs of thousands of records with injected failures: the failed items come back, nothing else is lost or doubled.</summary>
    public class BulkTests : PplCommandTestBase
    {
        public BulkTests(SandboxFixture fixture) : base(fixture)
        {
            RestoreLeadsAfterwards();
            Sandbox.Ppl.DailyQuota = 100_000;
        }

        protected override void Cleanup() => Sandbox.Ppl.DailyQuota = 2000;

        [Fact]
        public void Creating_two_thousand_leads_with_failures_loses_and_doubles_nothing()
        {
            Sandbox.Ppl.SeedLeads(0);
            // Refused before processing (retried: the service said it did not process them), then failures that are not retried.
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Method = "POST", Status = 429, RetryAfter = "0", Times = 3 });
            for (var i = 0; i < 5; i++)
            {
                Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Method = "POST", Status = 0, Times = 150 + i * 97 });
                Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Method = "POST", Status = 503, Times = 1 });
            }
            var r = RunConnected("1..2000 | ForEach-Object { [pscustomobject]@{ Title = \"Bulk $_\"; Description = \"Email: bulk$_@example.com\"; Tag = 'bulk' } } | New-PplLead | ForEach-Object Title");

            var created = r.Output.Select(o => (string)o.BaseObject).ToList();
            var failed = r.Errors.Select(e => (string)e.TargetObject).ToList();
            Assert.Equal(5, failed.Count);
            Assert.All(r.Errors, e => Assert.Equal("Ppl.ServerError", e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(Enumerable.Range(1, 2000).Select(i => "Bulk " + i).OrderBy(t => t), created.Concat(failed).OrderBy(t => t));
            Assert.Equal(created.Count, created.Distinct().Count());
            Assert.Equal(1995, Sandbox.Ppl.LeadCount);
            var titles = RunConnected("Get-PplLead -IncludeUnassigned | ForEach-Object Title").EnsureSuccess().Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Equal(created.OrderBy(t => t), titles.OrderBy(t => t));
        }

        [Fact]
        public void Deleting_three_thousand_leads_with_failures_reports_exactly_the_leads_left()
        {
            Sandbox.Ppl.SeedLeads(3000);
            // Batch 7 fails at the service; a 502 on batch 12 is retried (a delete may be repeated); ids 1500 and 2500 vanish first.
            RunConnected("Remove-PplLead -Id 1500, 2500 -Force").EnsureSuccess();
            Sandbox.Control.ResetRequestLog();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 0, Times = 6 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 500, Times = 1 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 0, Times = 4 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/delete_multiple", Status = 502, Times = 1 });

            var r = Run("1001..4000 | Remove-PplLead -Force");

            var failedBatch = Enumerable.Range(1601, 100).Select(i => (long)i).ToList();
            var errors = r.Errors.GroupBy(e => e.FullyQualifiedErrorId.Split(',')[0]).ToDictionary(g => g.Key, g => g.Select(e => (long)e.TargetObject).ToList());
            Assert.Equal(failedBatch, errors["Ppl.ServerError"]);
            Assert.Equal(new long[] { 1500, 2500 }, errors["Ppl.LeadNotDeleted"]);
            Assert.Equal(100, Sandbox.Ppl.LeadCount);
            var left = Run("Get-PplLead -IncludeUnassigned | ForEach-Object Id").EnsureSuccess().Output.Select(o => (long)o.BaseObject).OrderBy(i => i);
            Assert.Equal(failedBatch, left);
            // 30 batches, one of them sent twice (the 502).
            Assert.Equal(31, Sandbox.Control.CountRequests("/delete_multiple"));
        }
    }
}
