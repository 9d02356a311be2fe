using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplLeadClientFolder: files leads in a client folder (POST /leads/{id}/add_to_client).</summary>
    [Cmdlet(VerbsCommon.Set, "PplLeadClientFolder", SupportsShouldProcess = true)]
    [OutputType(typeof(PplLead))]
    public sealed class SetPplLeadClientFolderCommand : PplLeadsChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, long.MaxValue)]
        public long ClientFolderId { get; set; }

        protected override string Action => $"Add to client folder {ClientFolderId}";

        protected override Task<PplLead> ChangeAsync(PplConnection connection, long id, CancellationToken cancellationToken) =>
            connection.Leads.AddToClientFolderAsync(id, ClientFolderId, cancellationToken);
    }
}
