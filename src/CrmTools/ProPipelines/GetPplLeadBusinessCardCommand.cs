using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLeadBusinessCard: the picture of the business card a lead was created from.</summary>
    [Cmdlet(VerbsCommon.Get, "PplLeadBusinessCard")]
    [OutputType(typeof(PplBusinessCard))]
    public sealed class GetPplLeadBusinessCardCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in LeadId)
            {
                if (TryRun(id, ct => connection.Leads.GetBusinessCardAsync(id, ct), out var card)) WriteObject(card);
            }
        }
    }
}
