using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLeadAttachment: the files on leads (and linked accounting documents).</summary>
    [Cmdlet(VerbsCommon.Get, "PplLeadAttachment")]
    [OutputType(typeof(PplAttachment))]
    public sealed class GetPplLeadAttachmentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in LeadId)
            {
                if (TryRun(id, ct => connection.Attachments.ListAsync(id, ct), out var files)) WriteAll(files);
            }
        }
    }
}
