using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleLostReason: the lost reasons of a deal pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleLostReason")]
    [OutputType(typeof(NimbleLostReason))]
    public sealed class GetNimbleLostReasonCommand : NimbleCmdlet
    {
        /// <summary>Pipeline name or id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Only reasons whose text matches (wildcards).</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(Pipeline, ct => connection.Pipelines.FindAsync(Pipeline!, ct), out var pipeline)) return;
            var pattern = Text == null ? null : new WildcardPattern(Text, WildcardOptions.IgnoreCase);
            foreach (var reason in pipeline.LostReasons ?? new System.Collections.Generic.List<NimbleLostReason>())
            {
                if (pattern != null && !pattern.IsMatch(reason.Text ?? string.Empty)) continue;
                reason.PipelineId = pipeline.PipelineId;
                reason.PipelineName = pipeline.Name;
                WriteObject(reason);
            }
        }
    }
}
