using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Add-PplProspectComment: comments on a prospect.</summary>
    [Cmdlet(VerbsCommon.Add, "PplProspectComment", SupportsShouldProcess = true)]
    [OutputType(typeof(PplComment))]
    public sealed class AddPplProspectCommentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectingListId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectId { get; set; }

        [Parameter(Mandatory = true, Position = 2)]
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
            if (!ShouldProcess($"Prospect {ProspectId} of prospecting list {ProspectingListId}", "Add a comment")) return;
            if (TryRun(ProspectId, ct => connection.Prospecting.AddProspectCommentAsync(ProspectingListId, ProspectId, comment, ct), out var created)) WriteObject(created);
        }
    }
}
