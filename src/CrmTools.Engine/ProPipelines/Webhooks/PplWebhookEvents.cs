using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The event names a webhook or notification can subscribe to.</summary>
    public static class PplWebhookEvents
    {
        /// <summary>The prefix of the per-step events: lead.step.changed.to.PIPELINE.STEP.</summary>
        public const string StepChangedToPrefix = "lead.step.changed.to.";

        public const string ManualTrigger = "lead.manual.trigger";

        /// <summary>Every edition.</summary>
        public static readonly IReadOnlyList<string> Basic = new[]
        {
            "lead.creation", "lead.status.changed", "lead.status.changed.to.cancelled", "lead.status.changed.to.lost",
            "lead.status.changed.to.standby", "lead.status.changed.to.todo", "lead.status.changed.to.won",
        };

        /// <summary>Editions with advanced features.</summary>
        public static readonly IReadOnlyList<string> Advanced = new[]
        {
            "lead.assigned", "lead.commented", "lead.content_has_changed", "lead.deleted", ManualTrigger, "lead.step.changed",
            "lead.unassigned", "prospect.created", "task.status.changed", "task.status.changed.to.done",
            "task.status.changed.to.standby", "task.status.changed.to.todo",
        };

        /// <summary>Seen in live accounts though not in the document's tables.</summary>
        public static readonly IReadOnlyList<string> Undocumented = new[]
        {
            "lead.any_update", "client_folder.created", "prospect.updated", "account.step.created", "account.step.updated",
            "account.step.deleted", "account.pipeline.updated", "account.step.pipeline.updated", "account.default_field.created",
            "account.default_field.updated", "account.default_field.deleted",
        };

        public static IEnumerable<string> All => Basic.Concat(Advanced).Concat(Undocumented);

        /// <summary>The event name in its canonical spelling; an unknown name is an error listing the known ones.</summary>
        public static string Normalize(string? name)
        {
            var text = (name ?? string.Empty).Trim();
            var known = All.FirstOrDefault(e => string.Equals(e, text, StringComparison.OrdinalIgnoreCase));
            if (known != null) return known;
            // The step part keeps its case: it must match the pipeline and step names as written in the account.
            if (text.StartsWith(StepChangedToPrefix, StringComparison.OrdinalIgnoreCase) && text.Length > StepChangedToPrefix.Length)
            {
                return StepChangedToPrefix + text.Substring(StepChangedToPrefix.Length);
            }
            throw new CrmValidationException("Ppl", "Event",
                $"'{text}' is not a webhook event. Events: {string.Join(", ", Basic.Concat(Advanced))}, or {StepChangedToPrefix}PIPELINE.STEP.")
            {
                ErrorId = "UnknownWebhookEvent",
            };
        }
    }
}
