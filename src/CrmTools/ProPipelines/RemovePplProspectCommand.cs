using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplProspect: deletes a prospect from its prospecting list.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplProspect", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplProspectCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectingListId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ProspectId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            long listId = ProspectingListId, id = Id;
            ChangeOne(id, $"Prospect {id} of prospecting list {listId}", "Delete", Force, ct => connection.Prospecting.RemoveProspectAsync(listId, id, ct));
        }
    }
}
