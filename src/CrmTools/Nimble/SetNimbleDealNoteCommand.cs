using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleDealNote: changes a deal note's title or body.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleDealNote", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleDealNote))]
    public sealed class SetNimbleDealNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("NoteId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        [ValidateLength(1, 256)]
        public string? Title { get; set; }

        [Parameter]
        public string? Body { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Id, "Update Nimble deal note")) return;
            if (TryRun(Id, ct => connection.DealNotes.UpdateAsync(DealId!, Id!, Title, Body, ct), out var note)) WriteObject(note);
        }
    }
}
