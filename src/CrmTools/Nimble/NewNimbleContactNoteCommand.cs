using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContactNote: a note on 1 to 10 contacts.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContactNote", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactNote))]
    public sealed class NewNimbleContactNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? ContactId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Note { get; set; }

        /// <summary>The short version shown in lists (default: the note's first line, shortened).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Preview { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var target = string.Join(", ", ContactId!);
            if (!ShouldProcess(target, "Add Nimble note")) return;
            if (TryRun(target, ct => connection.Notes.CreateAsync(ContactId!, Note!, Preview, ct), out var note)) WriteObject(note);
        }
    }
}
