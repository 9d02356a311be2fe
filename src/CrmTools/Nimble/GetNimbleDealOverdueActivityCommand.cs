using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDealOverdueActivity: a deal's overdue activities, longest overdue first.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDealOverdueActivity")]
    [OutputType(typeof(NimbleActivity))]
    public sealed class GetNimbleDealOverdueActivityCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        /// <summary>Only activities of these types (type ids).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Type { get; set; }

        /// <summary>The most activities to return.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? Limit { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(DealId, ct => connection.Deals.ListOverdueActivitiesAsync(DealId!, Limit, List(Type), ct), out var activities)) return;
            foreach (var a in activities) WriteObject(a);
        }
    }
}
