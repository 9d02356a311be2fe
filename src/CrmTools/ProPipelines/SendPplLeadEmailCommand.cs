using System;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Send-PplLeadEmail: sends an e-mail template to a lead's contact.</summary>
    [Cmdlet(VerbsCommunications.Send, "PplLeadEmail", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SendPplLeadEmailCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        /// <summary>The e-mail template's id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, long.MaxValue)]
        public long TemplateId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in LeadId)
            {
                if (!ShouldProcess($"Lead {id}", $"Send e-mail template {TemplateId}")) continue;
                if (TryRun(id, ct => connection.Leads.SendTemplateEmailAsync(id, TemplateId, ct), out var message))
                {
                    WriteVerbose($"Lead {id}: {message ?? "sent"}");
                }
            }
        }
    }
}
