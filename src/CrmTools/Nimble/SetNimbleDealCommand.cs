using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleDeal: changes a deal, or moves it to another stage or pipeline.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleDeal", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleDeal))]
    public sealed class SetNimbleDealCommand : NimbleDealWriteCmdlet
    {
        /// <summary>Pipeline name or id.</summary>
        [Parameter]
        [Alias("PipelineName", "PipelineId")]
        [ValidateNotNullOrEmpty]
        public override string? Pipeline { get; set; }

        /// <summary>Stage name or id within the pipeline.</summary>
        [Parameter]
        [Alias("StageName", "StageId")]
        [ValidateNotNullOrEmpty]
        public override string? Stage { get; set; }

        /// <summary>0 or more (checked before sending).</summary>
        [Parameter]
        public override decimal? Amount { get; set; }

        [Parameter]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public override string? Currency { get; set; }

        /// <summary>0 to 100; by default the stage's default probability.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public override int? Probability { get; set; }

        [Parameter]
        public override DateTime? ExpectedCloseDate { get; set; }

        [Parameter]
        [AllowEmptyString]
        public override string? Description { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string? OwnerId { get; set; }

        /// <summary>Ids of the Nimble contacts taking part in the deal.</summary>
        [Parameter]
        [Alias("RelatedContactId")]
        [ValidateNotNull]
        public override string[]? ContactId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ValidateNotNull]
        public override string[]? Tag { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DealId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>A new name for the deal.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Deals changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = BuildInput(NewName);
            var id = Id!;
            // The placement (and, for a stage alone, the deal's own pipeline) is resolved here on the pipeline thread.
            NimblePipelineResolution? placement = null;
            if (Pipeline != null || Stage != null)
            {
                var pipeline = Pipeline;
                if (pipeline == null)
                {
                    // A stage alone moves the deal within its own pipeline.
                    if (!TryRun(id, ct => connection.Deals.GetAsync(id, ct), out var current)) return;
                    pipeline = current.PipelineId;
                    if (pipeline == null)
                    {
                        WriteFailure(new Engine.Errors.CrmValidationException("Nimble", "Pipeline", "The deal's pipeline is not known: give -Pipeline with -Stage."), id);
                        return;
                    }
                }
                if (!TryInvoke(id, () => placement = Resolve(pipeline, Stage))) return;
            }
            var action = placement != null ? $"Update Nimble deal (to {placement.Pipeline.Name} / {placement.Stage.Name})" : "Update Nimble deal";
            if (!ShouldProcess(id, action)) return;
            var resolved = placement;
            // Parameter values were copied into locals above: PowerShell rebinds the properties for the next item.
            var throttleLimit = ThrottleLimit;
            AfterInput(() => RunBulk(id, ct => connection.Deals.UpdateAsync(id, input, resolved, ct), throttleLimit));
        }
    }
}
