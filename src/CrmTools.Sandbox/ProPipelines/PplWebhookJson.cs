using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>The shapes used by webhooks: the webhook itself, the event, and the lead payload.</summary>
    internal static class PplWebhookJson
    {
        public static JsonObject Webhook(PplWebhook w, bool withDisabled = true)
        {
            var o = new JsonObject
            {
                ["id"] = w.Id,
                ["event"] = w.Event,
                ["target"] = w.Target,
                ["target_type"] = w.TargetType,
                ["params"] = null,
                ["name"] = w.Name,
            };
            if (withDisabled) o["is_disabled"] = w.IsDisabled;
            return o;
        }

        public static JsonObject Event(PplWebhookEvent e) => new JsonObject
        {
            ["id"] = e.Id,
            ["event"] = e.Event,
            ["signature"] = e.Signature,
            ["has_succeeded"] = e.HasSucceeded,
            ["try_count"] = e.TryCount,
            ["last_returned_code"] = e.LastReturnedCode,
            ["data"] = JsonNode.Parse(e.DataJson),
        };

        /// <summary>The lead as webhook events carry it (HTML description plus text_description).</summary>
        public static JsonObject Lead(PplState s, PplLead l)
        {
            var full = PplJson.Lead(s, l);
            var ext = (JsonObject)full["extended_info"]!;
            var step = s.StepById(l.StepId);
            var user = PplJson.UserShort(s.UserById(l.UserId), phones: false);
            var text = s.DescriptionOf(l);
            return new JsonObject
            {
                ["id"] = l.Id,
                ["title"] = l.Title,
                ["description"] = PplDescription.ToHtml(text),
                ["text_description"] = text,
                ["amount"] = l.Amount,
                ["currency"] = l.Currency,
                ["probability"] = l.Probability,
                ["reminder_at"] = PplDates.Format(l.ReminderAt),
                ["reminder_duration"] = l.ReminderDuration,
                ["updated_at"] = PplDates.Format(l.UpdatedAt),
                ["created_at"] = PplDates.Format(l.CreatedAt),
                ["starred"] = l.Starred,
                ["status"] = PplJson.StatusText(l.Status, true),
                ["step"] = step?.Name,
                ["step_id"] = l.StepId,
                ["pipeline"] = step == null ? null : s.PipelineById(step.PipelineId)?.Name,
                ["tags"] = PplJson.Strings(l.Tags),
                ["user_id"] = l.UserId,
                ["contact_email"] = ext["first_contact_email"]?.DeepClone(),
                ["first_contact_email"] = ext["first_contact_email"]?.DeepClone(),
                ["all_contact_emails"] = ext["all_contact_emails"]?.DeepClone(),
                ["permalink"] = ext["permalink"]?.DeepClone(),
                ["fields"] = ext["fields"]?.DeepClone(),
                ["comment_count"] = ext["comment_count"]?.DeepClone(),
                ["bcc_count"] = 0,
                ["team"] = ext["team"]?.DeepClone(),
                ["user"] = user,
                ["client_folder"] = ext["client_folder"]?.DeepClone(),
            };
        }
    }
}
