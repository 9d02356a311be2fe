using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleLostReason: adds a lost reason to a deal pipeline.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleLostReason", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class NewNimbleLostReasonCommand : NimbleCmdlet
    {
        /// <summary>Pipeline name or id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>The reason's text (1 to 256 characters).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 256)]
        public string? Reason { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(Pipeline, ct => connection.Pipelines.FindAsync(Pipeline!, ct), out var pipeline)) return;
            if (!ShouldProcess(pipeline.Name, $"Add lost reason '{Reason}'")) return;
            if (TryRun(Reason, ct => connection.Pipelines.AddLostReasonAsync(pipeline.PipelineId!, Reason!, ct), out var updated)) WriteObject(updated);
        }
    }
}
