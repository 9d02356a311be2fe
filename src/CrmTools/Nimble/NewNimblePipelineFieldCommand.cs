using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimblePipelineField: a custom deal field in a pipeline (and group), last unless -After or -AtStart says otherwise.</summary>
    [Cmdlet(VerbsCommon.New, "NimblePipelineField", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineField))]
    public sealed class NewNimblePipelineFieldCommand : NimbleNewFieldCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            NimblePipelineFieldGroup? group = null;
            string? after = null;
            var definition = Definition();
            if (!TryInvoke(Name, () =>
                {
                    group = Group != null ? layout.FindGroup(pipelineId, Group) : null;
                    definition.Validate();
                    after = InsertAfterForNew(a => layout.FindMemberId(pipelineId, a), layout.LastMemberId(pipelineId, group));
                }))
            {
                return;
            }
            if (!ShouldProcess(pipeline.Name + (group != null ? " / " + group.Name : string.Empty), $"Create deal field '{Name}' ({definition.Kind})")) return;
            var connection = ActiveConnection;
            if (!TryRun(Name, ct => connection.PipelineFields.CreateFieldAsync(pipelineId, Name!, group?.GroupId, definition, after, ct), out var field)) return;
            Changed();
            WritePipelineObject(field);
        }
    }
}
