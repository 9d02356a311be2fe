using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// What PUT /leads/{id} is given: only the values set are sent. <see cref="Validate"/> applies
    /// the documented 400 rules before anything is sent; the step is resolved and the
    /// probability-needs-an-amount rule is checked against the lead by <see cref="PplLeadsApi.UpdateAsync"/>.
    /// </summary>
    public sealed class PplLeadUpdate
    {
        /// <summary>The reminder durations the service accepts, in minutes.</summary>
        public static readonly IReadOnlyList<int> ReminderDurations = new[] { 0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720 };

        public string? Title { get; set; }
        public string? Description { get; set; }
        /// <summary>todo, standby, won, lost or cancelled.</summary>
        public string? Status { get; set; }
        /// <summary>The reminder's day, in the account's time zone (the time of day is ignored).</summary>
        public DateTime? RemindDate { get; set; }
        /// <summary>HH:MM, 24-hour, on a quarter hour.</summary>
        public string? RemindTime { get; set; }
        /// <summary>Minutes; one of <see cref="ReminderDurations"/>.</summary>
        public int? ReminderDuration { get; set; }
        public long? ReminderActivityId { get; set; }
        public string? ReminderNote { get; set; }
        public decimal? Amount { get; set; }
        /// <summary>0 to 100; needs an amount (given here or already on the lead).</summary>
        public int? Probability { get; set; }
        public bool? Starred { get; set; }
        /// <summary>A step id or name; a name must name one step across all pipelines.</summary>
        public string? Step { get; set; }
        /// <summary>New owner (id or e-mail): direct assignment, without notification.</summary>
        public string? UserId { get; set; }
        public string[]? Tags { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTime? EstimatedClosingDate { get; set; }

        /// <summary>Applies every documented rule that needs no request.</summary>
        public void Validate()
        {
            if (IsEmpty)
            {
                throw new CrmValidationException("Ppl", "Id", "Nothing to change: give at least one value to update.");
            }
            var status = PplRules.CheckSet("Status", Status, PplLeadQuery.Statuses);
            if (status == "standby" && !RemindDate.HasValue)
            {
                throw new CrmValidationException("Ppl", "RemindDate",
                    "Changing the status to standby needs a -RemindDate (the service answers 400 \"Missing parameter: remind_at is required when status is changed to standby\").");
            }
            NormalizedRemindTime();
            if (ReminderDuration.HasValue && !ReminderDurations.Contains(ReminderDuration.Value))
            {
                throw new CrmValidationException("Ppl", "ReminderDuration",
                    $"{ReminderDuration} is not an allowed reminder duration. Allowed (minutes): {string.Join(", ", ReminderDurations)}.");
            }
            if (Probability.HasValue && (Probability < 0 || Probability > 100))
            {
                throw new CrmValidationException("Ppl", "Probability", $"The probability is a percentage: {Probability} is not between 0 and 100.");
            }
            if (Amount.HasValue && Amount < 0)
            {
                throw new CrmValidationException("Ppl", "Amount", $"The amount cannot be negative ({Amount}).");
            }
            if (Step != null && Step.Trim().Length == 0)
            {
                throw new CrmValidationException("Ppl", "Step", "The step is empty: give a step id or name.");
            }
        }

        /// <summary>True when a probability is set but no amount: the lead must already have one.</summary>
        internal bool NeedsExistingAmount => Probability.HasValue && !Amount.HasValue;

        /// <summary>Changes the service refuses on an unassigned lead unless it is assigned in the same call.</summary>
        internal bool NeedsOwner => UserId == null && (Status != null || Step != null || Starred.HasValue || Amount.HasValue || Probability.HasValue);

        private bool IsEmpty =>
            Title == null && Description == null && Status == null && !RemindDate.HasValue && RemindTime == null && !ReminderDuration.HasValue &&
            !ReminderActivityId.HasValue && ReminderNote == null && !Amount.HasValue && !Probability.HasValue && !Starred.HasValue &&
            Step == null && UserId == null && Tags == null && !CreatedAt.HasValue && !EstimatedClosingDate.HasValue;

        /// <summary>The reminder time as HH:MM, checked against the documented 15-minute steps.</summary>
        private string? NormalizedRemindTime()
        {
            if (RemindTime == null) return null;
            var text = RemindTime.Trim();
            if (!TimeSpan.TryParseExact(text, new[] { "h\\:mm", "hh\\:mm" }, CultureInfo.InvariantCulture, out var time) || time.TotalHours >= 24)
            {
                throw new CrmValidationException("Ppl", "RemindTime", $"'{RemindTime}' is not a time of day as HH:MM (24-hour), e.g. 09:30.");
            }
            if (time.Minutes % 15 != 0)
            {
                throw new CrmValidationException("Ppl", "RemindTime",
                    $"'{RemindTime}' is not on a quarter hour: the service sets reminder times every 15 minutes (HH:00, HH:15, HH:30, HH:45).");
            }
            return time.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        }

        internal PplJsonBody ToBody(long? stepId) => new PplJsonBody()
            .Add("title", Title)
            .Add("description", Description)
            .Add("status", PplRules.Lower(Status))
            .Add("remind_date", PplRules.FormatDate(RemindDate))
            .Add("remind_time", NormalizedRemindTime())
            .Add("reminder_duration", ReminderDuration)
            .Add("reminder_activity_id", ReminderActivityId)
            .Add("reminder_note", ReminderNote)
            .Add("amount", Amount)
            .Add("probability", Probability)
            .Add("starred", Starred)
            .Add("step", stepId)
            .AddUser("user_id", UserId)
            .Add("tags", PplRules.SplitList(Tags))
            .Add("created_at", PplRules.FormatUtc(CreatedAt))
            .Add("estimated_closing_date", PplRules.FormatDate(EstimatedClosingDate));
    }
}
