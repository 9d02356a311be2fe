using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplTeam: renames a team.</summary>
    [Cmdlet(VerbsCommon.Set, "PplTeam", SupportsShouldProcess = true)]
    [OutputType(typeof(PplTeam))]
    public sealed class SetPplTeamCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TeamId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new name.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess($"Team {Id}", $"Rename to '{Name}'")) return;
            if (TryRun(Id, ct => connection.Teams.RenameAsync(Id, Name, ct), out var team) && PassThru) WriteObject(team);
        }
    }
}
