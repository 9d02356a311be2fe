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
}
