using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleStage: renames a stage or changes its default probability, expected days or description; -Archive archives it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleStage", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class SetNimbleStageCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Stage name or id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("StageId")]
        [ValidateNotNullOrEmpty]
        public string? Stage { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ValidateRange(0, 100)]
        public int? DefaultProbability { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int? ExpectedDays { get; set; }

        /// <summary>Archive the stage (deals stay; no new deals can enter it).</summary>
        [Parameter]
        public SwitchParameter Archive { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(Pipeline, ct => connection.Pipelines.ResolveAsync(Pipeline, Stage, ct), out var placement)) return;
            var pipelineId = placement.Pipeline.PipelineId!;
            var stageId = placement.Stage.StageId!;
            var change = NewName != null || Description != null || DefaultProbability.HasValue || ExpectedDays.HasValue;
            if (change)
            {
                var input = new NimbleStageInput { Name = NewName, Description = Description, DefaultProbability = DefaultProbability, ExpectedDays = ExpectedDays };
                if (!ShouldProcess($"{placement.Pipeline.Name} / {placement.Stage.Name}", "Update stage")) return;
                if (!TryRun(Stage, ct => connection.Pipelines.UpdateStageAsync(pipelineId, stageId, input, ct), out var updated)) return;
                if (!Archive) WriteObject(updated);
            }
            if (Archive)
            {
                if (!ShouldProcess($"{placement.Pipeline.Name} / {placement.Stage.Name}", "Archive stage")) return;
                if (!TryRun(Stage, ct => connection.Pipelines.ArchiveStageAsync(pipelineId, stageId, ct))) return;
                if (TryRun(Stage, ct => connection.Pipelines.GetAsync(pipelineId, ct), out var archived)) WriteObject(archived);
            }
            if (!change && !Archive)
            {
                WriteFailure(new Engine.Errors.CrmValidationException("Nimble", "NewName", "Nothing to change."), Stage);
            }
        }
    }
}
