using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplProspectingListOwner: assigns prospecting lists to a user, who is notified.</summary>
    [Cmdlet(VerbsCommon.Set, "PplProspectingListOwner", SupportsShouldProcess = true)]
    [OutputType(typeof(PplProspectingList))]
    public sealed class SetPplProspectingListOwnerCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProspectingListId")]
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
                if (!ShouldProcess($"Prospecting list {id}", $"Assign to {UserId} (notified)")) continue;
                if (TryRun(id, ct => connection.Prospecting.AssignAsync(id, UserId, ct), out var list) && PassThru) WriteObject(list);
            }
        }
    }
}
