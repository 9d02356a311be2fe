using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The filters of GET /leads/{id}/action_histories, checked against the documented values.</summary>
    public sealed class PplHistoryQuery
    {
        public static readonly IReadOnlyList<string> ActionTypes = new[]
        {
            "client_assigned", "step_changed", "status_changed", "amount_set", "user_assigned", "lead_created", "comment_added", "email_sent",
        };

        /// <summary>The service returns at most this many entries per call.</summary>
        public const int MaxLimit = 100;

        public DateTimeOffset? From { get; set; }
        public DateTimeOffset? To { get; set; }
        public string? ActionType { get; set; }
        /// <summary>A step name or a status, for step_changed and status_changed entries.</summary>
        public string? ActionValue { get; set; }
        /// <summary>Users (ids or e-mails) who made the changes.</summary>
        public string[]? UserIds { get; set; }
        public string? Direction { get; set; }
        public int Limit { get; set; } = MaxLimit;

        public void Validate()
        {
            PplRules.CheckSet("ActionType", ActionType, ActionTypes);
            PplRules.CheckSet("Direction", Direction, PplRules.Directions);
            if (Limit < 1 || Limit > MaxLimit)
            {
                throw new CrmValidationException("Ppl", "First", $"The service returns 1 to {MaxLimit} history entries per call; {Limit} is out of range.");
            }
            if (From.HasValue && To.HasValue && From > To)
            {
                throw new CrmValidationException("Ppl", "From", $"-From ({From:yyyy-MM-dd HH:mm}) is after -To ({To:yyyy-MM-dd HH:mm}).");
            }
        }

        internal void AddTo(Http.CrmRequest request)
        {
            var users = PplRules.SplitList(UserIds);
            request.AddQuery("from", PplLeadQuery.FormatDate(From))
                .AddQuery("to", PplLeadQuery.FormatDate(To))
                .AddQuery("action_type", PplRules.Lower(ActionType))
                .AddQuery("action_value", ActionValue)
                .AddQuery("user_ids", users == null || users.Length == 0 ? null : string.Join(",", users))
                .AddQuery("direction", PplRules.Lower(Direction))
                .AddQuery("limit", Limit);
        }
    }

    /// <summary>GET /leads/{lead_id}/action_histories.</summary>
    public sealed class PplLeadHistoryApi : PplApiBase
    {
        internal PplLeadHistoryApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplActionHistory>> ListAsync(long leadId, PplHistoryQuery query, CancellationToken cancellationToken)
        {
            query.Validate();
            return GetListAsync(PathOf("leads", leadId, "action_histories"), "Lead", PplJsonContext.Default.ListPplActionHistory,
                cancellationToken, query.AddTo);
        }
    }
}
