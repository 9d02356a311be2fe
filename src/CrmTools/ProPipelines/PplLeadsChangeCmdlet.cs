using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Base of the commands that apply one change to many leads, one request each (Set-PplLeadOwner,
    /// Set-PplLeadClientFolder): ids confirmed as they arrive, each id once, the requests sent once the input has
    /// ended (see <see cref="PplLeadIdBuffer"/>) with up to -ThrottleLimit in flight, output in input order.
    /// </summary>
    public abstract class PplLeadsChangeCmdlet : PplCmdlet
    {
        private readonly PplLeadIdBuffer _ids = new PplLeadIdBuffer();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Leads changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>What the change does, for -WhatIf and -Confirm.</summary>
        protected abstract string Action { get; }

        /// <summary>The request for one lead.</summary>
        protected abstract Task<PplLead> ChangeAsync(PplConnection connection, long id, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (_ids.IsNew(id) && ShouldProcess($"Lead {id}", Action)) _ids.Add(id);
            }
        }

        protected override void EndProcessing()
        {
            var connection = _ids.Count > 0 ? ActiveConnection : null;
            foreach (var id in _ids.Ids)
            {
                RunBulk(id, ct => ChangeAsync(connection!, id, ct), ThrottleLimit, lead => { if (PassThru) WriteObject(lead); });
            }
            base.EndProcessing(); // waits for the changes still in flight
        }
    }
}
