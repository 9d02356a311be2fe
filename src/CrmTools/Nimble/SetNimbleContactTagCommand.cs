using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactTag: sets a contact's tags to exactly the ones given.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactTag", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContact))]
    public sealed class SetNimbleContactTagCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>The contact's tags from now on (an empty list removes them all).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyCollection]
        [Alias("Tags")]
        public string[] Tag { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Id, "Set Nimble contact tags to: " + string.Join(", ", Tag))) return;
            var id = Id!;
            var tags = Tag;
            AfterInput(() =>
            {
                if (TryRun(id, ct => connection.Contacts.SetTagsAsync(id, tags, ct), out var contact)) WriteObject(contact);
            });
        }
    }
}
