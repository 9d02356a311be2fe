using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimblePipelineFieldGroup: a group for custom deal fields in a pipeline (last unless -After or -AtStart).</summary>
    [Cmdlet(VerbsCommon.New, "NimblePipelineFieldGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineFieldGroup))]
    public sealed class NewNimblePipelineFieldGroupCommand : NimbleFieldPlacingCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The icon Nimble shows for the group.</summary>
        [Parameter]
        public string? LogoId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            string? after = null;
            if (!TryInvoke(Name, () => after = InsertAfterForNew(a => layout.FindMemberId(pipelineId, a), layout.LastMemberId(pipelineId, null)))) return;
            if (!ShouldProcess(pipeline.Name ?? pipelineId, $"Create deal field group '{Name}'")) return;
            var connection = ActiveConnection;
            if (!TryRun(Name, ct => connection.PipelineFields.CreateGroupAsync(pipelineId, Name!, LogoId, after, ct), out var group)) return;
            Changed();
            WritePipelineObject(group);
        }
    }
}
