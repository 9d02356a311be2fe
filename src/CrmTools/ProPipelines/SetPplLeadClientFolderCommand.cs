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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, long.MaxValue)]
        public long ClientFolderId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcess($"Lead {id}", $"Add to client folder {ClientFolderId}")) continue;
                if (TryRun(id, ct => connection.Leads.AddToClientFolderAsync(id, ClientFolderId, ct), out var lead) && PassThru) WriteObject(lead);
            }
        }
    }
}
