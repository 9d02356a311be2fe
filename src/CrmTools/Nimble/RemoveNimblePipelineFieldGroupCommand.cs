using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimblePipelineFieldGroup: deletes field groups of a pipeline.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimblePipelineFieldGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimblePipelineFieldGroupCommand : NimbleFieldRemoveCmdlet
    {
        /// <summary>Name or id of the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string[] Group { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() =>
            RemovePipelineItems(Pipeline!, Group, (layout, pipelineId, key) => Pick(layout.FindGroup(pipelineId, key), x => x.Name, x => x.GroupId),
                (api, pipelineId, id, ct) => api.DeleteGroupAsync(pipelineId, id, ct));
    }
}
