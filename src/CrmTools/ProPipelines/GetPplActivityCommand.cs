using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplActivity: the activities comments and reminders can record (call, meeting, ...).</summary>
    [Cmdlet(VerbsCommon.Get, "PplActivity")]
    [OutputType(typeof(PplActivity))]
    public sealed class GetPplActivityCommand : PplCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(null, ct => connection.AccountSettings.ListActivitiesAsync(ct), out var activities)) WriteAll(activities);
        }
    }
}
