using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDealSummary: the amount and number of deals won last month.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDealSummary")]
    [OutputType(typeof(NimbleDealSummary))]
    public sealed class GetNimbleDealSummaryCommand : NimbleCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(null, ct => connection.Deals.GetWonLastMonthAsync(ct), out var summary)) WriteObject(summary);
        }
    }
}
