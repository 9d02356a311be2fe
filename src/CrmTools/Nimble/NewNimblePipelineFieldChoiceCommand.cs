using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimblePipelineFieldChoice: adds choices to a pipeline's choice field (last unless -After or -AtStart).</summary>
    [Cmdlet(VerbsCommon.New, "NimblePipelineFieldChoice", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipelineField))]
    public sealed class NewNimblePipelineFieldChoiceCommand : NimbleChoiceCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>The choices' texts, in order.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Value { get; set; } = System.Array.Empty<string>();

        /// <summary>The id of the new choice (one -Value only); by default the next free number.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ChoiceId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPipeline(Pipeline!, out var pipeline) || !TryPipelineLayout(Pipeline, out var layout)) return;
            var pipelineId = pipeline.PipelineId!;
            NimblePipelineField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(pipelineId, Field!))) return;
            var api = ActiveConnection.PipelineFields;
            AddChoices(field!.Name ?? Field!, field.Kind, field.Choices, Value, ChoiceId,
                (id, value, after, ct) => api.AddChoiceAsync(pipelineId, field.FieldId!, id, value, after, ct), f => WritePipelineObject(f));
        }
    }
}
