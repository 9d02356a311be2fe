using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimblePipelineFieldGroup: the groups of custom deal fields of every pipeline (or one).</summary>
    [Cmdlet(VerbsCommon.Get, "NimblePipelineFieldGroup")]
    [OutputType(typeof(NimblePipelineFieldGroup))]
    public sealed class GetNimblePipelineFieldGroupCommand : NimbleFieldCmdlet
    {
        /// <summary>Name or id of the pipeline (default: all).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            string? pipelineId = null;
            if (Pipeline != null)
            {
                if (!TryPipeline(Pipeline, out var p)) return;
                pipelineId = p.PipelineId;
            }
            if (!TryPipelineLayout(Pipeline, out var layout)) return;
            var names = Patterns(Name);
            foreach (var g in layout.Groups.Where(g => pipelineId == null || g.PipelineId == pipelineId))
            {
                if (Matches(names, g.Name, g.GroupId)) WriteObject(g);
            }
        }
    }
}
