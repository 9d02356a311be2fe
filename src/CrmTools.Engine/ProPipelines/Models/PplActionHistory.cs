using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>One entry of a lead's history: who did what, when.</summary>
    public sealed class PplActionHistory
    {
        public long Id { get; set; }

        public long? LeadId { get; set; }

        /// <summary>lead_created, user_assigned, client_assigned, step_changed, status_changed, amount_set, comment_added, email_sent.</summary>
        public string? ActionType { get; set; }

        /// <summary>The details, which depend on the action type.</summary>
        public PplActionItem? ActionItem { get; set; }

        /// <summary>Who made the change.</summary>
        public PplUser? User { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The change in a few words: the new step, status, amount or user.</summary>
        [JsonIgnore]
        public string? Summary => ActionItem?.Summary;

        public override string ToString() => $"{CreatedAt:yyyy-MM-dd HH:mm} {ActionType} {Summary}".Trim();
    }

    /// <summary>The details of a history entry; which members are set depends on the action type.</summary>
    public sealed class PplActionItem
    {
        public string? Type { get; set; }

        /// <summary>The id of what changed (step, status, user, comment, template, ...).</summary>
        public long? Id { get; set; }

        /// <summary>The step, status or client folder name.</summary>
        public string? Name { get; set; }

        public int? Position { get; set; }

        public decimal? Amount { get; set; }

        public int? Probability { get; set; }

        public string? Currency { get; set; }

        [JsonPropertyName("firstname")]
        public string? FirstName { get; set; }

        [JsonPropertyName("lastname")]
        public string? LastName { get; set; }

        public string? Email { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        internal string? Summary
        {
            get
            {
                if (Amount.HasValue) return $"{Amount.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {Currency} ({Probability}%)".Trim();
                if (Name != null) return Name;
                var person = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
                return person.Length > 0 ? person : Email;
            }
        }

        public override string ToString() => Summary ?? Type ?? string.Empty;
    }

    /// <summary>A lead that looks like another one, with what matched.</summary>
    public sealed class PplLeadDuplicate
    {
        public PplLead? Lead { get; set; }

        /// <summary>Pairs of [field, value] that matched, as the service sends them.</summary>
        public string[][]? Matches { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The original lead's id (set by the module).</summary>
        [JsonIgnore]
        public long DuplicateOf { get; set; }

        /// <summary>The names of the matching fields (title, email, ...).</summary>
        [JsonIgnore]
        public string MatchedOn
        {
            get
            {
                if (Matches == null) return string.Empty;
                var names = new List<string>();
                foreach (var m in Matches) if (m != null && m.Length > 0) names.Add(m[0]);
                return string.Join(", ", names);
            }
        }

        public override string ToString() => $"{Lead} ({MatchedOn})";
    }
}
