using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplPipeline: the account's pipelines.</summary>
    [Cmdlet(VerbsCommon.Get, "PplPipeline")]
    [OutputType(typeof(PplPipeline))]
    public sealed class GetPplPipelineCommand : PplCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(null, ct => connection.AccountSettings.ListPipelinesAsync(ct), out var pipelines)) WriteAll(pipelines);
        }
    }
}
