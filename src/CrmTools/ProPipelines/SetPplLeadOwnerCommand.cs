using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplLeadOwner: assigns leads to a user, who is notified (POST /leads/{id}/assign).</summary>
    [Cmdlet(VerbsCommon.Set, "PplLeadOwner", SupportsShouldProcess = true)]
    [OutputType(typeof(PplLead))]
    public sealed class SetPplLeadOwnerCommand : PplLeadsChangeCmdlet
    {
        /// <summary>The new owner's id or e-mail.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        protected override string Action => $"Assign to {UserId} (notified)";

        protected override Task<PplLead> ChangeAsync(PplConnection connection, long id, CancellationToken cancellationToken) =>
            connection.Leads.AssignAsync(id, UserId, cancellationToken);
    }
}
