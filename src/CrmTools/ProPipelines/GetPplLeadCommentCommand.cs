using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLeadComment: the comments of leads.</summary>
    [Cmdlet(VerbsCommon.Get, "PplLeadComment")]
    [OutputType(typeof(PplComment))]
    public sealed class GetPplLeadCommentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        /// <summary>desc (newest first, the default) or asc.</summary>
        [Parameter]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in LeadId)
            {
                if (TryRun(id, ct => connection.Comments.ListAsync(id, Direction, ct), out var comments)) WriteAll(comments);
            }
        }
    }
}
