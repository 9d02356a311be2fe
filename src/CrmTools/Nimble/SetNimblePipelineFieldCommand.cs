using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimblePipelineField: renames a custom deal field, moves it (group, position) or changes how its values show.</summary>
    [Cmdlet(VerbsCommon.Set, "NimblePipelineField", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineField))]
    public sealed class SetNimblePipelineFieldCommand : NimbleFieldShapeCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Name or id of the field.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Move the field into this group (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        /// <summary>Take the field out of its group.</summary>
        [Parameter]
        public SwitchParameter NoGroup { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            NimblePipelineField? field = null;
            var group = NimbleOptionalId.Unset;
            var insertAfter = NimbleOptionalId.Unset;
            if (!TryInvoke(Field, () =>
                {
                    if (Group != null && NoGroup) throw new CrmValidationException("Nimble", "NoGroup", "Give -Group or -NoGroup, not both.");
                    field = layout.FindField(pipelineId, Field!);
                    var target = Group != null ? layout.FindGroup(pipelineId, Group) : null;
                    group = target != null ? NimbleOptionalId.Of(target.GroupId!) : NoGroup ? NimbleOptionalId.Null : NimbleOptionalId.Unset;
                    var moved = (target != null && target.GroupId != field.GroupId) || (NoGroup && field.GroupId != null);
                    insertAfter = InsertAfterForMove(a => layout.FindMemberId(pipelineId, a), moved, layout.LastMemberId(pipelineId, target));
                }))
            {
                return;
            }
            if (!ShouldProcess($"{pipeline.Name} / {field!.Name}", "Update deal field")) return;
            var connection = ActiveConnection;
            var presentation = Presentation();
            if (!TryRun(Field, ct => connection.PipelineFields.UpdateFieldAsync(pipelineId, field.FieldId!, NewName, field.Kind, presentation, group, insertAfter, ct),
                    out var updated))
            {
                return;
            }
            Changed();
            WritePipelineObject(updated);
        }
    }
}
