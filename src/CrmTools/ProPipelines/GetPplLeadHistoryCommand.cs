using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLeadHistory: a lead's action history, with every documented filter.</summary>
    [Cmdlet(VerbsCommon.Get, "PplLeadHistory", SupportsPaging = true)]
    [OutputType(typeof(PplActionHistory))]
    public sealed class GetPplLeadHistoryCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] LeadId { get; set; } = Array.Empty<long>();

        [Parameter]
        public DateTime? From { get; set; }

        [Parameter]
        public DateTime? To { get; set; }

        [Parameter]
        [ValidateSet("client_assigned", "step_changed", "status_changed", "amount_set", "user_assigned", "lead_created", "comment_added", "email_sent", IgnoreCase = true)]
        public string? ActionType { get; set; }

        /// <summary>A step name or a status, for step_changed and status_changed entries.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ActionValue { get; set; }

        /// <summary>Only changes made by these users (ids or e-mails).</summary>
        [Parameter]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        [Parameter]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            if (PagingParameters.First == 0) return;
            var connection = ActiveConnection;
            var query = new PplHistoryQuery
            {
                From = ToOffset(From),
                To = ToOffset(To),
                ActionType = ActionType,
                ActionValue = ActionValue,
                UserIds = UserId,
                Direction = Direction,
                Limit = RequestedCount(PplHistoryQuery.MaxLimit),
            };
            foreach (var id in LeadId)
            {
                if (TryRun(id, ct => connection.History.ListAsync(id, query, ct), out var entries)) WritePage(entries);
            }
        }
    }
}
