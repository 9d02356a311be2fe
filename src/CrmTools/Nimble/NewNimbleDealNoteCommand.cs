using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleDealNote: adds a note (title and body) to a deal.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleDealNote", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleDealNote))]
    public sealed class NewNimbleDealNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 256)]
        public string? Title { get; set; }

        [Parameter(Position = 2)]
        public string? Body { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(DealId, $"Add note '{Title}' to Nimble deal")) return;
            if (TryRun(DealId, ct => connection.DealNotes.CreateAsync(DealId!, Title!, Body, ct), out var note)) WriteObject(note);
        }
    }
}
