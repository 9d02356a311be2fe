using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleDeal: creates a deal in a pipeline stage (by name or id).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleDeal", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleDeal))]
    public sealed class NewNimbleDealCommand : NimbleDealWriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DealName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = BuildInput(Name);
            Engine.Nimble.Deals.NimblePipelineResolution? placement = null;
            if (!TryInvoke(Name, () => placement = Resolve(Pipeline, Stage))) return;
            if (!ShouldProcess(Name, $"Create Nimble deal in {placement!.Pipeline.Name} / {placement.Stage.Name}")) return;
            if (TryRun(Name, ct => connection.Deals.CreateAsync(input, placement, ct), out var deal)) WriteObject(deal);
        }
    }
}
