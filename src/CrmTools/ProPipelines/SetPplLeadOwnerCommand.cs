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
        private readonly PplLeadIdBuffer _ids = new PplLeadIdBuffer();

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

        /// <summary>Leads changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (_ids.IsNew(id) && ShouldProcess($"Lead {id}", $"Assign to {UserId} (notified)")) _ids.Add(id);
            }
        }

        // The leads change once the input has ended (see PplLeadIdBuffer: a listing feeding this command must not shift).
        protected override void EndProcessing()
        {
            var connection = _ids.Count > 0 ? ActiveConnection : null;
            foreach (var id in _ids.Ids)
            {
                RunBulk(id, ct => connection!.Leads.AssignAsync(id, UserId, ct), ThrottleLimit, lead => { if (PassThru) WriteObject(lead); });
            }
            base.EndProcessing(); // waits for the changes still in flight
        }
    }
}
