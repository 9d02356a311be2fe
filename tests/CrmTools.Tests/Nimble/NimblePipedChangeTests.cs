using System.Linq;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>
    /// `Get-X | Remove-X` and `Get-X -Filter | Set-X` see every record: the listing pages by page number, so a change
    /// sent while it is still paging would shift the later pages and skip records. Piped changes wait for the end of input.
    /// </summary>
    public class NimblePipedChangeTests : NimbleTestBase
    {
        public NimblePipedChangeTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed(45);
        }

        [Fact]
        public void Removing_every_listed_contact_removes_them_all()
        {
            var r = RunConnected("Get-NimbleContact -PageSize 10 | Remove-NimbleContact -Force; @(Get-NimbleContact).Count").EnsureSuccess();
            Assert.Equal(0, r.Objects.Single());
            Assert.Equal(45, Count("/api/v1/contact/", "DELETE"));
        }

        [Fact]
        public void Removing_every_listed_deal_removes_them_all()
        {
            var deals = Nimble.DealCount;
            Assert.True(deals > 5, "the sandbox seeds deals over more than one page of 5");
            var r = RunConnected("Get-NimbleDeal -PageSize 5 | Remove-NimbleDeal -Force; @(Get-NimbleDeal).Count").EnsureSuccess();
            Assert.Equal(0, r.Objects.Single());
            Assert.Equal(deals, Count("/api/v2/deals/", "DELETE"));
        }

        [Fact]
        public void Retagging_what_a_tag_search_lists_reaches_every_contact()
        {
            var r = RunConnected(@"
                $null = 1..25 | ForEach-Object { [pscustomobject]@{ FirstName = ""Tagged $_""; Tag = 'old' } } | New-NimbleContact
                Get-NimbleContact -Tag old -PageSize 10 | Set-NimbleContactTag -Tag new | Out-Null
                @(Get-NimbleContact -Tag old).Count
                @(Get-NimbleContact -Tag new).Count").EnsureSuccess();
            Assert.Equal(new object[] { 0, 25 }, r.Objects.ToArray());
        }
    }
}
