using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLeadDuplicate: leads that look like the given ones (same title or key field).</summary>
    [Cmdlet(VerbsCommon.Get, "PplLeadDuplicate")]
    [OutputType(typeof(PplLeadDuplicate))]
    public sealed class GetPplLeadDuplicateCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in LeadId)
            {
                if (TryRun(id, ct => connection.Leads.GetDuplicatesAsync(id, ct), out var duplicates)) WriteAll(duplicates);
            }
        }
    }
}
