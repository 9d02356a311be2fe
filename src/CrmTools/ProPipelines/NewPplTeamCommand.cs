using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplTeam: creates teams.</summary>
    [Cmdlet(VerbsCommon.New, "PplTeam", SupportsShouldProcess = true)]
    [OutputType(typeof(PplTeam))]
    public sealed class NewPplTeamCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var name in Name)
            {
                if (!ShouldProcess(name, "Create a team")) continue;
                if (TryRun(name, ct => connection.Teams.CreateAsync(name, ct), out var team)) WriteObject(team);
            }
        }
    }
}
