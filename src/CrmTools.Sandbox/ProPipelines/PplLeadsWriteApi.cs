using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Lead changes: create, update (with the documented 400 rules), assign, add_to_client, delete, delete_multiple.</summary>
    internal static class PplLeadsWriteApi
    {
        private static readonly string[] Statuses = { "todo", "standby", "won", "lost", "cancelled" };
        private static readonly int[] Durations = { 0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720 };

        public static void Register(PplRouter r)
        {
            r.Post("leads", Create);
            r.Put("leads/{id}", Update);
            r.Post("leads/{id}/assign", Assign);
            r.Post("leads/{id}/add_to_client", AddToClient);
            r.Delete("leads/delete_multiple", DeleteMultiple);
            r.Delete("leads/{id}", Delete);
        }

        private static ServiceResponse Create(PplCall call)
        {
            var p = call.Params;
            var s = call.State;
            var title = p.Require("title");
            var description = p.Get("description") ?? throw PplError.Missing("description");

            PplUser? owner = call.User;
            var userParam = p.GetNonEmpty("user_id");
            if (userParam != null)
            {
                if (!call.IsApiKey) throw PplError.BadParameter("Parameter user_id should not be used with USER token.");
                owner = ActiveUser(s, userParam);
            }
            var now = s.Now;
            var created = now;
            var createdText = p.GetNonEmpty("created_at");
            if (createdText != null && !PplDates.TryParse(createdText, out created, out _)) throw PplError.BadDate("created_at");

            var lead = new PplLead
            {
                Id = s.NextId("lead", PplSeeder.FirstLeadId),
                Title = title.Trim(),
                StoredDescription = description,
                StepId = s.DefaultFirstStep().Id,
                Status = "todo",
                Currency = s.CurrencyCode,
                CreatedAt = created,
                UpdatedAt = now,
                CreatedFrom = "api",
                CreatedById = call.Actor.Id,
                UserId = owner?.Id,
                TeamId = s.TeamOfUser(owner?.Id)?.Id,
                Tags = Tags(p) ?? new string[0],
            };
            s.AddLead(lead);
            s.HistoryByLead[lead.Id] = new List<PplActionHistory>();
            PplHistory.Record(s, lead, "lead_created", call.Actor, new Dictionary<string, object?> { ["id"] = lead.Id });
            if (owner != null) RecordAssigned(s, lead, call.Actor, owner);

            PplWebhookDispatcher.RaiseLead(call, "lead.creation", lead);
            if (owner == null) PplWebhookDispatcher.RaiseLead(call, "lead.unassigned", lead);
            return ServiceResponse.Json(201, PplJson.Lead(s, lead));
        }

        private static ServiceResponse Update(PplCall call)
        {
            var s = call.State;
            var p = call.Params;
            var lead = call.LeadOr404(call.RouteId("id"));
            var events = new List<string>();

            // Validate everything first so that a 400 leaves the lead untouched.
            PplUser? newOwner = null;
            var userParam = p.GetNonEmpty("user_id");
            if (userParam != null) newOwner = ActiveUser(s, userParam);
            if (lead.UserId == null && newOwner == null
                && (p.Has("status") || p.Has("step") || p.Has("starred") || p.Has("amount") || p.Has("probability")))
                throw PplError.BadParameter("You cannot update the parameters status, step, starred, amount or probability without assigning the lead first.");

            string? status = p.GetNonEmpty("status")?.Trim().ToLowerInvariant();
            if (status != null && Array.IndexOf(Statuses, status) < 0) throw PplError.NotRecognized("status");
            PplStep? step = null;
            var stepParam = p.GetNonEmpty("step");
            if (stepParam != null) step = s.FindStep(stepParam) ?? throw PplError.NotRecognized("step");

            double? amount = p.GetDouble("amount");
            int? probability = p.GetInt("probability");
            if (probability != null && amount == null && lead.Amount == null)
                throw PplError.BadParameter("A probability cannot be set without an amount");
            if (probability != null && (probability < 0 || probability > 100))
                throw PplError.BadParameter("Parameter [probability] should be between 0 and 100.");

            DateTime? remindDate = null;
            var remindText = p.GetNonEmpty("remind_date");
            if (remindText != null)
            {
                if (!DateTime.TryParseExact(remindText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw BadReminderFormat();
                remindDate = DateTime.SpecifyKind(d, DateTimeKind.Utc);
            }
            if (status == "standby" && lead.Status != "standby" && remindDate == null)
                throw PplError.BadParameter("Missing parameter: remind_at is required when status is changed to standby");
            string? remindTime = null;
            var timeText = p.GetNonEmpty("remind_time");
            if (timeText != null)
            {
                if (!TimeSpan.TryParseExact(timeText.Trim(), "hh\\:mm", CultureInfo.InvariantCulture, out var t) || t.TotalHours >= 24)
                    throw BadReminderFormat();
                if (t.Minutes % 15 != 0)
                    throw PplError.BadParameter("Parameter [remind_time] can only be set every 15 minutes (HH:00, HH:15, HH:30, HH:45).");
                remindTime = t.ToString("hh\\:mm", CultureInfo.InvariantCulture);
            }
            int? duration = p.GetInt("reminder_duration");
            if (duration != null && Array.IndexOf(Durations, duration.Value) < 0)
                throw PplError.BadParameter("Parameter [reminder_duration] not recognized. It should be one of: " + string.Join(", ", Durations) + ".");
            int? activityId = p.GetInt("reminder_activity_id");
            if (activityId != null && !s.Activities.Exists(a => a.Id == activityId)) throw PplError.NotRecognized("reminder_activity_id");
            bool? starred = p.GetBool("starred");
            DateTime? createdAt = null;
            var createdText = p.GetNonEmpty("created_at");
            if (createdText != null)
            {
                if (!PplDates.TryParse(createdText, out var c, out _)) throw PplError.BadDate("created_at");
                createdAt = c;
            }
            DateTime? closing = null;
            var closingText = p.GetNonEmpty("estimated_closing_date");
            if (closingText != null)
            {
                if (!PplDates.TryParse(closingText, out var c, out _)) throw PplError.BadDate("estimated_closing_date");
                closing = c.Date;
            }
            var tags = Tags(p);

            // Apply.
            if (newOwner != null && newOwner.Id != lead.UserId)
            {
                lead.UserId = newOwner.Id;
                lead.TeamId = s.TeamOfUser(newOwner.Id)?.Id;
                RecordAssigned(s, lead, call.Actor, newOwner);
                events.Add("lead.assigned");
            }
            var title = p.GetNonEmpty("title");
            if (title != null) lead.Title = title.Trim();
            if (p.Has("description"))
            {
                var text = p.Get("description") ?? "";
                if (text != s.DescriptionOf(lead)) events.Add("lead.content_has_changed");
                lead.StoredDescription = text;
            }
            if (amount != null || probability != null)
            {
                if (amount != null) lead.Amount = amount;
                if (probability != null) lead.Probability = probability;
                lead.Currency ??= s.CurrencyCode;
                PplHistory.Record(s, lead, "amount_set", call.Actor, new Dictionary<string, object?>
                {
                    ["id"] = lead.Id, ["amount"] = lead.Amount, ["probability"] = lead.Probability, ["currency"] = lead.Currency,
                });
            }
            if (starred != null) lead.Starred = starred;
            if (step != null && step.Id != lead.StepId)
            {
                lead.StepId = step.Id;
                PplHistory.Record(s, lead, "step_changed", call.Actor, new Dictionary<string, object?>
                {
                    ["id"] = step.Id, ["name"] = step.Name, ["position"] = step.Position,
                });
                events.Add("lead.step.changed");
                var pipeline = s.PipelineById(step.PipelineId)?.Name ?? "";
                events.Add("lead.step.changed.to." + pipeline + "." + step.Name);
                events.Add("lead.step.changed.to." + step.Name);
            }
            if (remindDate != null) lead.RemindDate = remindDate;
            if (remindTime != null) lead.RemindTime = remindTime;
            if (duration != null) lead.ReminderDuration = duration;
            if (activityId != null) lead.ReminderActivityId = activityId;
            if (p.Has("reminder_note")) lead.ReminderNote = p.Get("reminder_note");
            if (status != null && status != lead.Status)
            {
                lead.Status = status;
                bool closed = status == "won" || status == "lost" || status == "cancelled";
                lead.ClosedAt = closed ? s.Now : (DateTime?)null;
                PplHistory.Record(s, lead, "status_changed", call.Actor, new Dictionary<string, object?>
                {
                    ["id"] = PplHistory.StatusId(status), ["name"] = status,
                });
                events.Add("lead.status.changed");
                events.Add("lead.status.changed.to." + status);
            }
            if (tags != null) lead.Tags = tags;
            if (createdAt != null) lead.CreatedAt = createdAt.Value;
            if (closing != null) lead.EstimatedClosingDate = closing;
            s.Touch(lead);

            foreach (var e in events) PplWebhookDispatcher.RaiseLead(call, e, lead);
            PplWebhookDispatcher.RaiseLead(call, "lead.any_update", lead);
            return ServiceResponse.Json(200, PplJson.Lead(s, lead));
        }

        private static ServiceResponse Assign(PplCall call)
        {
            var s = call.State;
            var lead = call.LeadOr404(call.RouteId("id"));
            var user = ActiveUser(s, call.Params.GetNonEmpty("user_id") ?? throw PplError.Missing("user_id"));
            lead.UserId = user.Id;
            lead.TeamId = s.TeamOfUser(user.Id)?.Id;
            RecordAssigned(s, lead, call.Actor, user);
            s.Touch(lead);
            PplWebhookDispatcher.RaiseLead(call, "lead.assigned", lead);
            PplWebhookDispatcher.RaiseLead(call, "lead.any_update", lead);
            return ServiceResponse.Json(200, PplJson.Lead(s, lead));
        }

        private static ServiceResponse AddToClient(PplCall call)
        {
            var s = call.State;
            var lead = call.LeadOr404(call.RouteId("id"));
            int clientId = call.Params.GetInt("client_id") ?? throw PplError.Missing("client_id");
            var client = s.ClientById(clientId) ?? throw PplError.NotRecognized("client_id");
            lead.ClientFolderId = client.Id;
            PplHistory.Record(s, lead, "client_assigned", call.Actor, new Dictionary<string, object?> { ["id"] = client.Id, ["name"] = client.Name });
            s.Touch(lead);
            PplWebhookDispatcher.RaiseLead(call, "lead.any_update", lead);
            return ServiceResponse.Json(200, PplJson.Lead(s, lead));
        }

        private static ServiceResponse Delete(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("id"));
            PplWebhookDispatcher.RaiseLead(call, "lead.deleted", lead); // the data is the lead as it was
            call.State.RemoveLeads(new[] { lead.Id });
            return ServiceResponse.Json(200, new JsonObject { ["id"] = lead.Id });
        }

        // The ids may come in the query string or in a JSON body, as "1,2,3" or [1,2,3]: accept all.
        private static ServiceResponse DeleteMultiple(PplCall call)
        {
            var ids = call.Params.GetList("ids");
            if (ids == null || ids.Count == 0) throw PplError.Missing("ids");
            var failed = new JsonArray();
            var deleted = new List<int>();
            foreach (var text in ids)
            {
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
                {
                    failed.Add(JsonValue.Create(text));
                    continue;
                }
                var lead = call.State.LeadById(id);
                if (lead == null || !call.CanSee(lead) || deleted.Contains(id))
                {
                    if (!deleted.Contains(id)) failed.Add(id);
                    continue;
                }
                PplWebhookDispatcher.RaiseLead(call, "lead.deleted", lead);
                deleted.Add(id);
            }
            call.State.RemoveLeads(deleted);
            return ServiceResponse.Json(200, failed);
        }

        private static PplUser ActiveUser(PplState s, string idOrEmail)
        {
            var user = s.FindUser(idOrEmail);
            if (user == null || user.IsDisabled) throw PplError.BadParameter("Parameter user_id not recognized.");
            return user;
        }

        private static void RecordAssigned(PplState s, PplLead lead, PplUser actor, PplUser user) =>
            PplHistory.Record(s, lead, "user_assigned", actor, new Dictionary<string, object?>
            {
                ["id"] = user.Id, ["firstname"] = user.FirstName, ["lastname"] = user.LastName, ["email"] = user.Email,
            });

        private static string[]? Tags(PplParams p)
        {
            var list = p.GetList("tags");
            if (list == null) return null;
            var unique = new List<string>();
            foreach (var t in list)
                if (!unique.Exists(u => string.Equals(u, t, StringComparison.OrdinalIgnoreCase))) unique.Add(t);
            unique.Sort(StringComparer.OrdinalIgnoreCase); // the service answers tags sorted
            return unique.ToArray();
        }

        private static PplError BadReminderFormat() =>
            PplError.BadParameter("Date format invalid for remind_date (YYYY-MM-DD) or remind_time (HH:MM)");
    }
}
