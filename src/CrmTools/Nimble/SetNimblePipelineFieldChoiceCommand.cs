using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimblePipelineFieldChoice: renames a choice of a pipeline's choice field (deals holding it follow) or moves it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimblePipelineFieldChoice", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineField))]
    public sealed class SetNimblePipelineFieldChoiceCommand : NimbleChoiceCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Id or text of the choice.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ChoiceId")]
        [ValidateNotNullOrEmpty]
        public string? Choice { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewValue { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            NimblePipelineField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(pipelineId, Field!))) return;
            var api = ActiveConnection.PipelineFields;
            ChangeChoice(field!.Name ?? Field!, field.Kind, field.Choices, Choice!, NewValue,
                (id, value, after, ct) => api.UpdateChoiceAsync(pipelineId, field.FieldId!, id, value, after, ct), f => WritePipelineObject(f));
        }
    }
}
