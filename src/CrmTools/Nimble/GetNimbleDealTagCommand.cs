using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDealTag: the deal tags, optionally those starting with a text.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDealTag")]
    [OutputType(typeof(NimbleTag))]
    public sealed class GetNimbleDealTagCommand : NimbleCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? StartsWith { get; set; }

        /// <summary>The most tags to return.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int? Limit { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(StartsWith, ct => connection.Deals.ListTagsAsync(StartsWith, Limit, ct), out var tags)) return;
            foreach (var t in tags) WriteObject(t);
        }
    }
}
