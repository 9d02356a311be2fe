using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactNote: notes by id, or a contact's notes (streamed).</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactNote", DefaultParameterSetName = ByContactSet, SupportsPaging = true)]
    [OutputType(typeof(NimbleContactNote))]
    public sealed class GetNimbleContactNoteCommand : NimbleCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByContactSet = "ByContact";

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("NoteId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>The contact whose notes to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByContactSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ContactId { get; set; }

        [Parameter(ParameterSetName = ByContactSet)]
        [ValidateRange(1, NimbleContactsApi.MaxPageSize)]
        public int PageSize { get; set; } = 30;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Notes.GetAsync(id, ct), out var note)) WriteObject(note);
                }
                return;
            }
            WriteStream(() => connection.Notes.ListForContact(ContactId!, Paging(PageSize), CancellationToken), ContactId, PagingParameters.IncludeTotalCount);
        }
    }

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

    /// <summary>Remove-NimbleContactNote: deletes notes.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContactNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleContactNoteCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NoteId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcessOrForce(Force, id, "Delete Nimble note")) continue;
                TryRun(id, ct => connection.Notes.DeleteAsync(id, ct));
            }
        }
    }
}
