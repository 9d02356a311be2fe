using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimblePipelineFieldChoice: deletes choices of a pipeline's choice field (refused while deals hold them, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimblePipelineFieldChoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimblePipelineFieldChoiceCommand : NimbleChoiceRemoveCmdlet
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
            NimblePipelineField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(pipelineId, Field!))) return;
            var api = ActiveConnection.PipelineFields;
            RemoveChoices(field!.Name ?? Field!, field.Kind, field.Choices, Choice, Force, DeleteValues,
                (id, ct) => api.DeleteChoiceAsync(pipelineId, field.FieldId!, id, DeleteValues, ct));
        }
    }
}
