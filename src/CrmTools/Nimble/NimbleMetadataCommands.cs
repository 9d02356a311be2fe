using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactField: the account's contact fields with their modifiers, kinds and choices.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactField")]
    [OutputType(typeof(NimbleContactField))]
    public sealed class GetNimbleContactFieldCommand : NimbleCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(null, ct => connection.Contacts.GetFieldsAsync(ct), out var fields)) return;
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var f in fields)
            {
                if (patterns == null || patterns.Any(p => p.IsMatch(f.Name ?? string.Empty))) WriteObject(f);
            }
        }
    }

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
