using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplLeadOwner: assigns leads to a user, who is notified (POST /leads/{id}/assign).</summary>
    [Cmdlet(VerbsCommon.Set, "PplLeadOwner", SupportsShouldProcess = true)]
    [OutputType(typeof(PplLead))]
    public sealed class SetPplLeadOwnerCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>The new owner's id or e-mail.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcess($"Lead {id}", $"Assign to {UserId} (notified)")) continue;
                if (TryRun(id, ct => connection.Leads.AssignAsync(id, UserId, ct), out var lead) && PassThru) WriteObject(lead);
            }
        }
    }
}
