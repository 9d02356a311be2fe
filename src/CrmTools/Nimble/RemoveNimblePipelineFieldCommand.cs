using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimblePipelineField: deletes custom deal fields of a pipeline (refused while deals hold values, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimblePipelineField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimblePipelineFieldCommand : NimbleFieldValuesRemoveCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string[] Field { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() =>
            RemovePipelineItems(Pipeline!, Field, (layout, pipelineId, key) => Pick(layout.FindField(pipelineId, key), x => x.Name, x => x.FieldId),
                (api, pipelineId, id, ct) => api.DeleteFieldAsync(pipelineId, id, DeleteValues, ct));
    }
}
