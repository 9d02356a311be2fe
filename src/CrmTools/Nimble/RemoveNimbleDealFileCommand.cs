using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleDealFile: deletes a file from a deal.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleDealFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleDealFileCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            string dealId = DealId!, id = Id!;
            ChangeOne(id, id, "Delete Nimble deal file", Force, ct => connection.DealFiles.DeleteAsync(dealId, id, ct));
        }
    }
}
