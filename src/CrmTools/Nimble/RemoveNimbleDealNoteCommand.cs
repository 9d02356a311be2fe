using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleDealNote: deletes a deal note.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleDealNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleDealNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("NoteId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            string dealId = DealId!, id = Id!;
            ChangeOne(id, id, "Delete Nimble deal note", Force, ct => connection.DealNotes.DeleteAsync(dealId, id, ct));
        }
    }
}
