using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The filters of GET /leads, validated against the documented values before sending.</summary>
    public sealed class PplLeadQuery
    {
        public static readonly IReadOnlyList<string> Statuses = new[] { "todo", "standby", "won", "cancelled", "lost" };
        public static readonly IReadOnlyList<string> Orders = new[] { "id", "creation_date", "last_update", "next_action", "sale_step", "amount", "probability", "probalized_amount", "alphabetically" };
        public static readonly IReadOnlyList<string> Directions = new[] { "asc", "desc" };
        public static readonly IReadOnlyList<string> DateRangeTypes = new[] { "creation", "update", "next_action", "closed" };

        public string[]? Status { get; set; }
        public string[]? Step { get; set; }
        public bool Starred { get; set; }
        /// <summary>A user id or e-mail.</summary>
        public string? UserId { get; set; }
        public string? Email { get; set; }
        public string? FieldKey { get; set; }
        public string? FieldValue { get; set; }
        public string[]? Tags { get; set; }
        public DateTimeOffset? UpdatedAfter { get; set; }
        public DateTimeOffset? StartDate { get; set; }
        public DateTimeOffset? EndDate { get; set; }
        public string? DateRangeType { get; set; }
        public bool IncludeUnassigned { get; set; }
        public string? Order { get; set; }
        public string? Direction { get; set; }

        /// <summary>Fails with a clear message, before any request, on values the service would reject.</summary>
        public void Validate()
        {
            CheckSet("Status", Status, Statuses);
            CheckSet("Order", Order == null ? null : new[] { Order }, Orders);
            CheckSet("Direction", Direction == null ? null : new[] { Direction }, Directions);
            CheckSet("DateRangeType", DateRangeType == null ? null : new[] { DateRangeType }, DateRangeTypes);
            if ((FieldKey == null) != (FieldValue == null))
            {
                throw new CrmValidationException("Ppl", FieldKey == null ? "FieldKey" : "FieldValue", "-FieldKey and -FieldValue go together: give both or neither.");
            }
            if (StartDate.HasValue && EndDate.HasValue && StartDate > EndDate)
            {
                throw new CrmValidationException("Ppl", "StartDate", $"-StartDate ({StartDate:yyyy-MM-dd}) is after -EndDate ({EndDate:yyyy-MM-dd}).");
            }
            if (DateRangeType != null && !StartDate.HasValue && !EndDate.HasValue)
            {
                throw new CrmValidationException("Ppl", "DateRangeType", "-DateRangeType applies to -StartDate/-EndDate; give at least one of them.");
            }
        }

        internal void AddTo(CrmRequest request)
        {
            request.AddQuery("direction", Direction?.ToLowerInvariant())
                .AddQuery("order", Order?.ToLowerInvariant())
                .AddQuery("status", Join(Status?.Select(s => s.ToLowerInvariant())))
                .AddQuery("step", Join(Step))
                .AddQuery("starred", Starred ? "true" : null)
                .AddQuery("user_id", UserId)
                .AddQuery("email", Email)
                .AddQuery("field_key", FieldKey)
                .AddQuery("field_value", FieldValue)
                .AddQuery("tags", Join(Tags))
                .AddQuery("updated_after", FormatDate(UpdatedAfter))
                .AddQuery("start_date", FormatDate(StartDate))
                .AddQuery("end_date", FormatDate(EndDate))
                .AddQuery("date_range_type", DateRangeType?.ToLowerInvariant())
                .AddQuery("include_unassigned", IncludeUnassigned ? "true" : null);
        }

        /// <summary>ISO-8601 UTC, the form the service documents for API clients.</summary>
        internal static string? FormatDate(DateTimeOffset? value) =>
            value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // The service documents comma-separated lists for status and step; tags use the same form.
        private static string? Join(IEnumerable<string>? values)
        {
            if (values == null) return null;
            var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            return list.Count == 0 ? null : string.Join(",", list);
        }

        private static void CheckSet(string parameter, IEnumerable<string>? values, IReadOnlyList<string> allowed)
        {
            if (values == null) return;
            foreach (var v in values)
            {
                if (!allowed.Contains(v, StringComparer.OrdinalIgnoreCase))
                {
                    throw new CrmValidationException("Ppl", parameter, $"'{v}' is not a valid {parameter}. Allowed: {string.Join(", ", allowed)}.");
                }
            }
        }
    }
}
