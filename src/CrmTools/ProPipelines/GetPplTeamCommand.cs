using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplTeam: every team, or teams by id or name.</summary>
    [Cmdlet(VerbsCommon.Get, "PplTeam", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplTeam))]
    public sealed class GetPplTeamCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Team ids or names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true)]
        [Alias("Name", "TeamId")]
        [PplIdArgument("TeamId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ListSet)
            {
                if (TryRun(null, ct => connection.Teams.ListAsync(ct), out var teams)) WriteAll(teams);
                return;
            }
            foreach (var id in Id)
            {
                if (TryRun(id, ct => connection.Teams.GetAsync(id, ct), out var team)) WriteObject(team);
            }
        }
    }
}
