using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplLeadAttachment: deletes a file from a lead.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplLeadAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplLeadAttachmentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long LeadId { get; set; }

        /// <summary>The attachment's id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AttachmentId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            long leadId = LeadId, id = Id;
            ChangeOne(id, $"Attachment {id} on lead {leadId}", "Delete", Force, ct => connection.Attachments.RemoveAsync(leadId, id, ct));
        }
    }
}
