using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDealFile: the files stored on a deal.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDealFile")]
    [OutputType(typeof(NimbleDealFile))]
    public sealed class GetNimbleDealFileCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        /// <summary>Only files whose name matches (wildcards).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(DealId, ct => connection.DealFiles.ListAsync(DealId!, ct), out var files)) return;
            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (var f in files)
            {
                if (pattern == null || pattern.IsMatch(f.FileName ?? string.Empty)) WriteObject(f);
            }
        }
    }
}
