using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactNote: changes a note's text, preview or contacts.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactNote", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactNote))]
    public sealed class SetNimbleContactNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("NoteId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Note { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Preview { get; set; }

        /// <summary>The contacts the note is on from now on (1 to 10).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ContactId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Id, "Update Nimble note")) return;
            if (TryRun(Id, ct => connection.Notes.UpdateAsync(Id!, ContactId, Note, Preview, ct), out var note)) WriteObject(note);
        }
    }
}
