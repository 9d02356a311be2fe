using System;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Webhooks (API key only) and the webhook events sent (admins, last 10 days).</summary>
    internal static class PplWebhooksApi
    {
        // The documented events plus those seen in live payloads (api-notes).
        private static readonly string[] Events =
        {
            "lead.creation", "lead.status.changed", "lead.status.changed.to.cancelled", "lead.status.changed.to.lost",
            "lead.status.changed.to.standby", "lead.status.changed.to.todo", "lead.status.changed.to.won",
            "lead.assigned", "lead.commented", "lead.content_has_changed", "lead.deleted", "lead.manual.trigger",
            "lead.step.changed", "lead.unassigned", "lead.any_update", "prospect.created", "prospect.updated",
            "task.status.changed", "task.status.changed.to.done", "task.status.changed.to.standby", "task.status.changed.to.todo",
            "client_folder.created", "account.step.created", "account.step.updated", "account.step.deleted",
            "account.pipeline.updated", "account.step.pipeline.updated",
            "account.default_field.created", "account.default_field.updated", "account.default_field.deleted",
        };

        public static void Register(PplRouter r)
        {
            r.Get("webhooks", List);
            r.Post("webhooks", Create);
            r.Delete("webhooks/{id}", Delete);
            r.Get("webhook_events", ListEvents);
            r.Get("webhook_events/{id}", GetEvent);
        }

        private static ServiceResponse List(PplCall call)
        {
            call.RequireApiKey();
            return ServiceResponse.Json(200, PplJson.Array(call.State.Webhooks, w => PplWebhookJson.Webhook(w)));
        }

        private static ServiceResponse Create(PplCall call)
        {
            call.RequireApiKey();
            var p = call.Params;
            var s = call.State;
            var ev = p.Require("event").Trim();
            if (!IsKnownEvent(ev)) throw PplError.NotRecognized("event");
            var targetType = p.Require("target_type").Trim().ToLowerInvariant();
            if (targetType != "url" && targetType != "email") throw PplError.NotRecognized("target_type");
            var target = p.Require("target").Trim();
            if (targetType == "url" && !Uri.TryCreate(target, UriKind.Absolute, out _)) throw PplError.NotRecognized("target");
            if (targetType == "email" && target.IndexOf('@') <= 0) throw PplError.NotRecognized("target");
            if (s.Webhooks.Any(w => string.Equals(w.Event, ev, StringComparison.OrdinalIgnoreCase)
                                    && w.TargetType == targetType && string.Equals(w.Target, target, StringComparison.Ordinal)))
                throw PplError.AlreadyExists("A webhook already exists for this event and target");
            var hook = new PplWebhook
            {
                Id = s.NextId("webhook", 60), Event = ev, Target = target, TargetType = targetType,
                Name = p.GetNonEmpty("name"), CreatedAt = s.Now,
            };
            s.Webhooks.Add(hook);
            return ServiceResponse.Json(201, PplWebhookJson.Webhook(hook, withDisabled: false));
        }

        private static ServiceResponse Delete(PplCall call)
        {
            call.RequireApiKey();
            int id = call.RouteId("id");
            var hook = call.State.Webhooks.Find(w => w.Id == id) ?? throw PplError.NotFound();
            call.State.Webhooks.Remove(hook);
            return ServiceResponse.Json(200, new JsonObject { ["id"] = id });
        }

        // Newest first, as the document's example shows; events older than 10 days are gone.
        private static ServiceResponse ListEvents(PplCall call)
        {
            call.RequireAdmin();
            var since = call.State.Now.AddDays(-10);
            var events = call.State.WebhookEvents.Where(e => e.CreatedAt >= since).OrderByDescending(e => e.Id);
            return ServiceResponse.Json(200, PplJson.Array(events, e => PplWebhookJson.Event(e)));
        }

        private static ServiceResponse GetEvent(PplCall call)
        {
            call.RequireAdmin();
            int id = call.RouteId("id");
            var ev = call.State.WebhookEvents.Find(e => e.Id == id) ?? throw PplError.NotFound();
            return ServiceResponse.Json(200, PplWebhookJson.Event(ev));
        }

        private static bool IsKnownEvent(string ev) =>
            Events.Contains(ev, StringComparer.OrdinalIgnoreCase)
            || ev.StartsWith("lead.step.changed.to.", StringComparison.OrdinalIgnoreCase);
    }
}
