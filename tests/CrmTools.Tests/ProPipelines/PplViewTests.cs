using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>The default table views of module/ProPipelines.format.ps1xml, as Out-Default prints them.</summary>
    public class PplViewTests : PplCommandTestBase
    {
        public PplViewTests(SandboxFixture fixture) : base(fixture) { }

        [Theory]
        [InlineData("Get-PplUser", "Activated")]
        [InlineData("Get-PplTeam", "(manager)")]
        [InlineData("Get-PplClientFolder", "IsActive")]
        [InlineData("Get-PplCategory -IncludeTag", "US, Europe, Asia")]
        [InlineData("Get-PplField", "ParentType")]
        [InlineData("Get-PplActivity", "ParentId")]
        [InlineData("Get-PplProspectingList", "Columns")]
        [InlineData("Get-PplProspect -ProspectingListId 17197", "ListId")]
        [InlineData("Get-PplLeadHistory -LeadId 1001", "ActionType")]
        [InlineData("Get-PplLeadDuplicate -LeadId 1001", "MatchedOn")]
        [InlineData("Get-PplQuota", "Remaining")]
        [InlineData("Get-PplLead -First 1", "Owner")]
        public void Each_type_has_a_default_view(string command, string expected)
        {
            var r = RunConnected(command + " | Out-Default").EnsureSuccess();
            Assert.Contains(expected, r.HostText);
        }
    }
}
