using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Add-NimbleDealTag: assigns tags to every deal an advanced search finds.</summary>
    [Cmdlet(VerbsCommon.Add, "NimbleDealTag", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleTagAssignment))]
    public sealed class AddNimbleDealTagCommand : NimbleCmdlet
    {
        /// <summary>The tags to assign.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("Tags")]
        public string[] Tag { get; set; } = Array.Empty<string>();

        /// <summary>The advanced search selecting the deals: a hashtable (or JSON text), sent as JSON.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public object? Query { get; set; }

        /// <summary>Have Nimble check first that every deal found can be edited (nothing is tagged otherwise).</summary>
        [Parameter]
        public SwitchParameter PreflightCheck { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var query = Plain(Query);
            if (!ShouldProcess("the deals the query finds", "Add Nimble deal tags: " + string.Join(", ", Tag))) return;
            if (TryRun(Tag, ct => connection.Deals.AddTagsAsync(Tag, query!, PreflightCheck.IsPresent, ct), out var progress)) WriteObject(progress);
        }
    }
}
