using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleStage: adds a stage to a pipeline (last, or after a given stage).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleStage", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class NewNimbleStageCommand : NimbleCmdlet
    {
        /// <summary>Pipeline name or id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ValidateRange(0, 100)]
        public int? DefaultProbability { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int? ExpectedDays { get; set; }

        /// <summary>Name or id of the stage the new one follows (default: last).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(Pipeline, ct => connection.Pipelines.ListAsync(ct), out var pipelines)) return;
            NimblePipeline? pipeline = null;
            string? after = null;
            if (!TryInvoke(Pipeline, () =>
                {
                    pipeline = NimblePipelineResolution.FindPipeline(pipelines, Pipeline);
                    if (After != null) after = NimblePipelineResolution.Resolve(pipelines, pipeline.PipelineId, After).Stage.StageId;
                }))
            {
                return;
            }
            var input = new NimbleStageInput { Name = Name, Description = Description, DefaultProbability = DefaultProbability, ExpectedDays = ExpectedDays, InsertAfter = after };
            if (!ShouldProcess(pipeline!.Name, $"Add stage '{Name}'")) return;
            if (TryRun(Name, ct => connection.Pipelines.AddStageAsync(pipeline.PipelineId!, input, ct), out var updated)) WriteObject(updated);
        }
    }
}
