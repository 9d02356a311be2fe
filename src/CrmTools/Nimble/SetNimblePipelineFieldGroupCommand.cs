using System.Management.Automation;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimblePipelineFieldGroup: renames a pipeline's field group, changes its logo or moves it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimblePipelineFieldGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineFieldGroup))]
    public sealed class SetNimblePipelineFieldGroupCommand : NimbleFieldPlacingCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Name or id of the group.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        public string? LogoId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            NimblePipelineFieldGroup? group = null;
            var insertAfter = NimbleOptionalId.Unset;
            if (!TryInvoke(Group, () =>
                {
                    group = layout.FindGroup(pipelineId, Group!);
                    insertAfter = InsertAfterForChange(a => layout.FindMemberId(pipelineId, a));
                }))
            {
                return;
            }
            if (!ShouldProcess($"{pipeline.Name} / {group!.Name}", "Update deal field group")) return;
            var connection = ActiveConnection;
            if (!TryRun(Group, ct => connection.PipelineFields.UpdateGroupAsync(pipelineId, group.GroupId!, NewName, LogoId, insertAfter, ct), out var updated)) return;
            Changed();
            WritePipelineObject(updated);
        }
    }
}
