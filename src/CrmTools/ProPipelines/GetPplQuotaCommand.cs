using System.Management.Automation;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplQuota: the requests this connection has sent today against the daily quota.</summary>
    [Cmdlet(VerbsCommon.Get, "PplQuota")]
    [OutputType(typeof(PplQuotaStatus))]
    public sealed class GetPplQuotaCommand : PplCmdlet
    {
        protected override void ProcessRecord() => WriteObject(ActiveConnection.Quota.Status);
    }
}
