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

        /// <summary>Notes created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var contactIds = ContactId!;
            var text = Note!;
            var preview = Preview;
            var target = string.Join(", ", contactIds);
            if (!ShouldProcess(target, "Add Nimble note")) return;
            // Parameter values were copied into locals above: PowerShell rebinds the properties for the next item.
            RunBulk(target, ct => connection.Notes.CreateAsync(contactIds, text, preview, ct), ThrottleLimit);
        }
    }
}
