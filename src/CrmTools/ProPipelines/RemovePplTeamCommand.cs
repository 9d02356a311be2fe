using System;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Remove-PplTeam: deletes teams.</summary>
    [Cmdlet(VerbsCommon.Remove, "PplTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplTeamCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TeamId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                ChangeOne(id, $"Team {id}", "Delete", Force, ct => connection.Teams.RemoveAsync(id, ct));
            }
        }
    }
}
