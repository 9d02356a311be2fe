using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleDeal: creates a deal in a pipeline stage (by name or id).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleDeal", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleDeal))]
    public sealed class NewNimbleDealCommand : NimbleDealWriteCmdlet
    {
        /// <summary>Pipeline name or id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineName", "PipelineId")]
        [ValidateNotNullOrEmpty]
        public override string? Pipeline { get; set; }

        /// <summary>Stage name or id within the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StageName", "StageId")]
        [ValidateNotNullOrEmpty]
        public override string? Stage { get; set; }

        /// <summary>0 or more (checked before sending).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public override decimal? Amount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public override string? Currency { get; set; }

        /// <summary>0 to 100; by default the stage's default probability.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, 100)]
        public override int? Probability { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public override DateTime? ExpectedCloseDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public override string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string? OwnerId { get; set; }

        /// <summary>Ids of the Nimble contacts taking part in the deal.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RelatedContactId")]
        [ValidateNotNull]
        public override string[]? ContactId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        [ValidateNotNull]
        public override string[]? Tag { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DealName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Deals created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var name = Name!;
            var input = BuildInput(name);
            // Pipeline and stage names resolve here, on the pipeline thread, from the one listing per command.
            Engine.Nimble.Deals.NimblePipelineResolution? placement = null;
            if (!TryInvoke(name, () => placement = Resolve(Pipeline, Stage))) return;
            var resolved = placement!;
            if (!ShouldProcess(name, $"Create Nimble deal in {resolved.Pipeline.Name} / {resolved.Stage.Name}")) return;
            // Parameter values were copied into locals above: PowerShell rebinds the properties for the next item.
            RunBulk(name, ct => connection.Deals.CreateAsync(input, resolved, ct), ThrottleLimit);
        }
    }
}
