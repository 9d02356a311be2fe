using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplLeadClientFolder: files leads in a client folder (POST /leads/{id}/add_to_client).</summary>
    [Cmdlet(VerbsCommon.Set, "PplLeadClientFolder", SupportsShouldProcess = true)]
    [OutputType(typeof(PplLead))]
    public sealed class SetPplLeadClientFolderCommand : PplCmdlet
    {
        private readonly PplLeadIdBuffer _ids = new PplLeadIdBuffer();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, long.MaxValue)]
        public long ClientFolderId { get; set; }

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
                if (_ids.IsNew(id) && ShouldProcess($"Lead {id}", $"Add to client folder {ClientFolderId}")) _ids.Add(id);
            }
        }

        // The leads change once the input has ended (see PplLeadIdBuffer: a listing feeding this command must not shift).
        protected override void EndProcessing()
        {
            var connection = _ids.Count > 0 ? ActiveConnection : null;
            foreach (var id in _ids.Ids)
            {
                RunBulk(id, ct => connection!.Leads.AddToClientFolderAsync(id, ClientFolderId, ct), ThrottleLimit, lead => { if (PassThru) WriteObject(lead); });
            }
            base.EndProcessing(); // waits for the changes still in flight
        }
    }
}
