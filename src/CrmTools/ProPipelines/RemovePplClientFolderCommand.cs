using System;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplClientFolder: deletes client folders.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplClientFolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplClientFolderCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                ChangeOne(id, $"Client folder {id}", "Delete", Force, ct => connection.ClientFolders.RemoveAsync(id, ct));
            }
        }
    }
}
