using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplPredefinedTag: the account's predefined tags.</summary>
    [Cmdlet(VerbsCommon.Get, "PplPredefinedTag")]
    [OutputType(typeof(PplPredefinedTag))]
    public sealed class GetPplPredefinedTagCommand : PplCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(null, ct => connection.AccountSettings.ListPredefinedTagsAsync(ct), out var tags)) WriteAll(tags);
        }
    }
}
