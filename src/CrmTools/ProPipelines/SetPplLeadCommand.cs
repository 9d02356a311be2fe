using System;
using System.Globalization;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplLead: updates leads, with every documented rule checked before anything is sent.</summary>
    [Cmdlet(VerbsCommon.Set, "PplLead", SupportsShouldProcess = true)]
    [OutputType(typeof(PplLead))]
    public sealed class SetPplLeadCommand : PplCmdlet
    {
        private readonly PplLeadIdBuffer _ids = new PplLeadIdBuffer();

        private PplLeadUpdate? _update;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter]
        [ValidateSet("todo", "standby", "won", "lost", "cancelled", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>The reminder's day (account time zone); required when -Status is standby.</summary>
        [Parameter]
        public DateTime? RemindDate { get; set; }

        /// <summary>HH:MM on a quarter hour.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PplRemindTimeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RemindTime { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(PplReminderDurationCompleter))]
        public int? ReminderDuration { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? ReminderActivityId { get; set; }

        [Parameter]
        public string? ReminderNote { get; set; }

        [Parameter]
        public decimal? Amount { get; set; }

        [Parameter]
        [ValidateRange(0, 100)]
        public int? Probability { get; set; }

        [Parameter]
        public bool? Starred { get; set; }

        /// <summary>A step id or name.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PplStepCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Step { get; set; }

        /// <summary>New owner (id or e-mail): direct assignment, no notification (Set-PplLeadOwner notifies).</summary>
        [Parameter]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [AllowEmptyCollection]
        public string[]? Tag { get; set; }

        [Parameter]
        public DateTime? CreatedAt { get; set; }

        [Parameter]
        public DateTime? EstimatedClosingDate { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Leads changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void BeginProcessing()
        {
            var update = new PplLeadUpdate
            {
                Title = Title,
                Description = Description,
                Status = Status,
                RemindDate = RemindDate,
                RemindTime = RemindTime,
                ReminderDuration = ReminderDuration,
                ReminderActivityId = ReminderActivityId,
                ReminderNote = ReminderNote,
                Amount = Amount,
                Probability = Probability,
                Starred = Starred,
                Step = Step,
                UserId = UserId,
                Tags = Tag,
                CreatedAt = ToOffset(CreatedAt),
                EstimatedClosingDate = EstimatedClosingDate,
            };
            // The rules hold for every lead: break them and nothing is sent at all.
            try
            {
                update.Validate();
                if (Step != null)
                {
                    var connection = ActiveConnection;
                    var step = Run(ct => connection.Steps.ResolveAsync(Step, ct));
                    update.Step = step.Id.ToString(CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, Step);
            }
            _update = update;
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (_ids.IsNew(id) && ShouldProcess($"Lead {id}", "Update")) _ids.Add(id);
            }
        }

        // The leads change once the input has ended (see PplLeadIdBuffer: a listing feeding this command must not shift).
        protected override void EndProcessing()
        {
            var connection = _ids.Count > 0 ? ActiveConnection : null;
            foreach (var id in _ids.Ids)
            {
                RunBulk(id, ct => connection!.Leads.UpdateAsync(id, _update!, ct), ThrottleLimit, lead => { if (PassThru) WriteObject(lead); });
            }
            base.EndProcessing(); // waits for the changes still in flight
        }
    }
}
