using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Add-PplProspectingListComment: comments on prospecting lists.</summary>
    [Cmdlet(VerbsCommon.Add, "PplProspectingListComment", SupportsShouldProcess = true)]
    [OutputType(typeof(PplComment))]
    public sealed class AddPplProspectingListCommentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] ProspectingListId { get; set; } = Array.Empty<long>();

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; } = string.Empty;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? ActivityId { get; set; }

        /// <summary>The author (id or e-mail), with the API key; ignored with a user token.</summary>
        [Parameter]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var comment = new PplNewComment { Content = Content, ActivityId = ActivityId, UserId = UserId };
            foreach (var id in ProspectingListId)
            {
                if (!ShouldProcess($"Prospecting list {id}", "Add a comment")) continue;
                if (TryRun(id, ct => connection.Prospecting.AddListCommentAsync(id, comment, ct), out var created)) WriteObject(created);
            }
        }
    }
}
