using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimblePipeline: deletes a pipeline and every deal in it.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimblePipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimblePipelineCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                ChangeOne(id, id, "Delete Nimble pipeline AND EVERY DEAL IN IT", Force, ct => connection.Pipelines.DeleteAsync(id, ct));
            }
        }
    }
}
