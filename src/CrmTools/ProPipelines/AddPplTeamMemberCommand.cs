using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Add-PplTeamMember: adds users to a team, or changes whether they manage it.</summary>
    [Cmdlet(VerbsCommon.Add, "PplTeamMember", SupportsShouldProcess = true)]
    [OutputType(typeof(PplTeam))]
    public sealed class AddPplTeamMemberCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, long.MaxValue)]
        public long TeamId { get; set; }

        /// <summary>User ids or e-mails (binds from user objects piped in).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PplIdArgument("UserId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = Array.Empty<string>();

        /// <summary>Makes them managers of the team (without it, members are set as non-managers).</summary>
        [Parameter]
        [Alias("IsManager")]
        public SwitchParameter Manager { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var user in UserId)
            {
                if (!ShouldProcess($"Team {TeamId}", $"Add {user}{(Manager ? " as a manager" : string.Empty)}")) continue;
                if (TryRun(user, ct => connection.Teams.AddMemberAsync(TeamId, user, Manager, ct), out var team) && PassThru) WriteObject(team);
            }
        }
    }
}
