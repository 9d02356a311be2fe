using System.Linq;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class QuotaTests : PplCommandTestBase
    {
        public QuotaTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void The_quota_counts_each_request_this_connection_sends()
        {
            var r = RunConnected("Get-PplStep | Out-Null; Get-PplPipeline | Out-Null; Get-PplQuota").EnsureSuccess();
            var status = r.Output.Last();
            // Connect-Ppl pings once; then the two lists.
            Assert.Equal(Sandbox.Ppl.RequestsToday, P<int>(status, "Used"));
            Assert.Equal(3, P<int>(status, "Used"));
            Assert.Equal(2000 - 3, P<int>(status, "Remaining"));
        }

        [Fact]
        public void A_command_warns_once_when_it_crosses_ninety_percent()
        {
            var r = RunConnected(@"
                $c = Get-CrmConnection | Where-Object Service -eq Ppl | Where-Object IsDefault
                $c.Quota.DailyLimit = 20
                1..20 | ForEach-Object { Get-PplPipeline } | Out-Null
                (Get-PplQuota).Remaining").EnsureSuccess();
            Assert.Single(r.Warning, w => w.Contains("of the account's 20 ProPipelines requests"));
            Assert.Single(r.Warning, w => w.Contains("daily quota"));
            Assert.Equal(0, (int)r.Output.Last().BaseObject);
        }
    }
}
