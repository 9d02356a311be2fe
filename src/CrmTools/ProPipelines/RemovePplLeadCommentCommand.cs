using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplLeadComment: deletes a comment from a lead.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplLeadComment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplLeadCommentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long LeadId { get; set; }

        /// <summary>The comment's id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("CommentId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            long leadId = LeadId, id = Id;
            ChangeOne(id, $"Comment {id} on lead {leadId}", "Delete", Force, ct => connection.Comments.RemoveAsync(leadId, id, ct));
        }
    }
}
