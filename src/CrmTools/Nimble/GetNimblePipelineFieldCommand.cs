using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimblePipelineField: the custom deal fields of every pipeline (or one), optionally with the standard deal fields.</summary>
    [Cmdlet(VerbsCommon.Get, "NimblePipelineField")]
    [OutputType(typeof(NimblePipelineField))]
    public sealed class GetNimblePipelineFieldCommand : NimbleFieldCmdlet
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

        /// <summary>Also the standard deal fields (name, amount, probability, ...), which every pipeline has.</summary>
        [Parameter]
        public SwitchParameter IncludeStandard { get; set; }

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
            var fields = layout.Fields.Where(f => pipelineId == null || f.PipelineId == pipelineId);
            if (IncludeStandard) fields = layout.StandardFields.Concat(fields);
            foreach (var f in fields)
            {
                if (Matches(names, f.Name, f.FieldId)) WriteObject(f);
            }
        }
    }
}
