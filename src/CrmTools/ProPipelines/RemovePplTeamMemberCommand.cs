using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplTeamMember: takes users out of a team.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplTeamMember", SupportsShouldProcess = true)]
    [OutputType(typeof(PplTeam))]
    public sealed class RemovePplTeamMemberCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, long.MaxValue)]
        public long TeamId { get; set; }

        /// <summary>User ids or e-mails.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PplIdArgument("UserId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var user in UserId)
            {
                if (!ShouldProcess($"Team {TeamId}", $"Remove {user}")) continue;
                if (TryRun(user, ct => connection.Teams.RemoveMemberAsync(TeamId, user, ct), out var team) && PassThru) WriteObject(team);
            }
        }
    }
}
