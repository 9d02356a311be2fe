using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>What hangs off a lead: comments, duplicates, attachments, action histories, template e-mails.</summary>
    internal static class PplLeadItemsApi
    {
        private static readonly string[] ActionTypes =
            { "client_assigned", "step_changed", "status_changed", "amount_set", "user_assigned", "lead_created", "comment_added", "email_sent" };

        // The account's e-mail templates (there is no endpoint to list them).
        private static readonly int[] EmailTemplateIds = { 10, 11, 12 };

        public static void Register(PplRouter r)
        {
            r.Get("leads/{lead_id}/comments", ListComments);
            r.Post("leads/{lead_id}/comments", CreateComment);
            r.Delete("leads/{lead_id}/comments/{id}", DeleteComment);
            r.Get("leads/{lead_id}/duplicates", Duplicates);
            r.Get("leads/{lead_id}/attachments", ListAttachments);
            r.Get("leads/{lead_id}/attachments/{id}", GetAttachment);
            r.Post("leads/{lead_id}/attachments", Upload);
            r.Delete("leads/{lead_id}/attachments/{id}", DeleteAttachment);
            r.Get("attachments/{id}/download", Download, anonymous: true);
            r.Get("leads/{lead_id}/action_histories", Histories);
            r.Post("leads/{lead_id}/emails/send_email_from_template", SendEmail);
        }

        // ---- comments ----

        private static ServiceResponse ListComments(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            bool asc = call.Params.Ascending(false);
            var list = call.State.CommentsOf(lead.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
            if (!asc) list.Reverse();
            return ServiceResponse.Json(200, PplJson.Array(list, c => Comment(call.State, c)));
        }

        private static ServiceResponse CreateComment(PplCall call)
        {
            var s = call.State;
            var p = call.Params;
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            var content = p.Require("content");
            var author = call.User;
            if (author == null)
            {
                var userParam = p.GetNonEmpty("user_id"); // ignored with a USER token, as documented
                author = userParam == null ? call.Actor
                    : s.FindUser(userParam) ?? throw PplError.BadParameter("Parameter user_id not recognized.");
            }
            int? activityId = p.GetInt("activity_id");
            if (activityId != null && !s.Activities.Exists(a => a.Id == activityId)) throw PplError.NotRecognized("activity_id");
            var comment = new PplComment
            {
                Id = s.NextId("comment", PplSeeder.FirstCommentId), LeadId = lead.Id, Content = content, UserId = author.Id,
                ActivityId = activityId, IsPinned = p.GetBool("is_pinned") ?? false, CreatedAt = s.Now,
            };
            if (!s.CommentsByLead.TryGetValue(lead.Id, out var list)) s.CommentsByLead[lead.Id] = list = new List<PplComment>();
            list.Add(comment);
            PplHistory.Record(s, lead, "comment_added", author, new Dictionary<string, object?> { ["id"] = comment.Id });
            s.Touch(lead);
            PplWebhookDispatcher.RaiseLead(call, "lead.commented", lead);
            return ServiceResponse.Json(201, Comment(s, comment));
        }

        private static ServiceResponse DeleteComment(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            int id = call.RouteId("id");
            var list = call.State.CommentsOf(lead.Id);
            var comment = list.Find(c => c.Id == id) ?? throw PplError.NotFound();
            if (!call.IsAdmin && comment.UserId != call.User!.Id) throw PplError.NotAdmin();
            list.Remove(comment);
            call.State.LeadVersion++;
            return ServiceResponse.Json(200, new JsonObject { ["id"] = id });
        }

        public static JsonObject Comment(PplState s, PplComment c) => new JsonObject
        {
            ["id"] = c.Id,
            ["content"] = c.Content,
            ["commented_item"] = new JsonObject { ["item"] = "Lead", ["id"] = c.LeadId },
            ["created_at"] = PplDates.Format(c.CreatedAt),
            ["attachments"] = new JsonArray(),
            ["activity_id"] = c.ActivityId,
            ["is_pinned"] = c.IsPinned,
            ["user"] = PplJson.UserShort(s.UserById(c.UserId)),
        };

        // ---- duplicates: same title, or same value in a lead field set as key ----

        private static ServiceResponse Duplicates(PplCall call)
        {
            var s = call.State;
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            var keyFields = s.Fields.Where(f => f.ParentType == "lead" && f.IsKey).Select(f => f.Name).ToList();
            var mine = KeyValues(s, lead, keyFields);
            var result = new JsonArray();
            foreach (var other in s.Leads)
            {
                if (other.Id == lead.Id || !call.CanSee(other)) continue;
                var matches = new JsonArray();
                if (string.Equals(other.Title.Trim(), lead.Title.Trim(), StringComparison.OrdinalIgnoreCase))
                    matches.Add(new JsonArray("title", other.Title));
                if (mine.Count > 0)
                    foreach (var kv in KeyValues(s, other, keyFields))
                        if (mine.Any(m => m.Key == kv.Key && string.Equals(m.Value, kv.Value, StringComparison.OrdinalIgnoreCase)))
                            matches.Add(new JsonArray(kv.Key, kv.Value));
                if (matches.Count > 0) result.Add(new JsonObject { ["lead"] = PplJson.Lead(s, other), ["matches"] = matches });
            }
            return ServiceResponse.Json(200, result);
        }

        private static List<KeyValuePair<string, string>> KeyValues(PplState s, PplLead lead, List<string> keyFields)
        {
            var values = new List<KeyValuePair<string, string>>();
            if (keyFields.Count == 0) return values;
            foreach (var kv in PplDescription.Parse(s.DescriptionOf(lead)))
            {
                var name = keyFields.Find(k => string.Equals(k, kv.Key, StringComparison.OrdinalIgnoreCase));
                if (name != null && kv.Value.Trim().Length > 0) values.Add(new KeyValuePair<string, string>(name, kv.Value.Trim()));
            }
            return values;
        }

        // ---- attachments ----

        private static ServiceResponse ListAttachments(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            var list = call.State.AttachmentsByLead.TryGetValue(lead.Id, out var l) ? l : new List<PplAttachment>();
            return ServiceResponse.Json(200, PplJson.Array(list, a => Attachment(call.State, a)));
        }

        private static ServiceResponse GetAttachment(PplCall call)
        {
            var attachment = FindAttachment(call);
            return ServiceResponse.Json(200, new JsonObject { ["url"] = DownloadUrl(call.State, attachment) });
        }

        // Accepts multipart/form-data (field "attachment", as documented) and, for clients that
        // cannot stream files, JSON: {"attachment": {"name", "content" (base64), "content_type"}} or the same keys at the top.
        private static ServiceResponse Upload(PplCall call)
        {
            var s = call.State;
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            string? name;
            string? type;
            byte[] content;
            if (call.Request.IsMultipart)
            {
                var parts = Multipart.Parse(call.Request.Body, call.Request.ContentType);
                var part = parts.Find(x => x.Name == "attachment" || x.Name == "attachment[file]")
                           ?? parts.Find(x => x.FileName != null) ?? throw PplError.Missing("attachment");
                name = part.FileName ?? part.Name;
                type = part.ContentType;
                content = part.Content;
            }
            else
            {
                var root = call.Params.GetJson("attachment");
                JsonElement? obj = root != null && root.Value.ValueKind == JsonValueKind.Object ? root : null;
                string? Field(params string[] keys)
                {
                    foreach (var k in keys)
                    {
                        if (obj != null && obj.Value.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
                        var top = call.Params.GetNonEmpty(k);
                        if (obj == null && top != null) return top;
                    }
                    return null;
                }
                name = Field("name", "filename", "file_name");
                type = Field("content_type", "mime_type", "type");
                var data = Field("content", "data", "base64", "file") ?? (obj == null ? call.Params.GetNonEmpty("attachment") : null);
                if (data == null) throw PplError.Missing("attachment");
                int comma = data.StartsWith("data:", StringComparison.Ordinal) ? data.IndexOf(',') : -1;
                if (comma > 0)
                {
                    type ??= data.Substring(5, data.IndexOf(';') > 5 ? data.IndexOf(';') - 5 : comma - 5);
                    data = data.Substring(comma + 1);
                }
                try { content = Convert.FromBase64String(data); }
                catch (FormatException) { throw PplError.BadParameter("Parameter [attachment] content should be base64."); }
            }
            var attachment = new PplAttachment
            {
                Id = s.NextId("attachment", 420), LeadId = lead.Id, Name = string.IsNullOrEmpty(name) ? "attachment" : name!,
                ContentType = type, Content = content, UserId = call.Actor.Id, CreatedAt = s.Now,
            };
            if (!s.AttachmentsByLead.TryGetValue(lead.Id, out var list)) s.AttachmentsByLead[lead.Id] = list = new List<PplAttachment>();
            list.Add(attachment);
            s.Touch(lead);
            return ServiceResponse.Json(201, Attachment(s, attachment));
        }

        private static ServiceResponse DeleteAttachment(PplCall call)
        {
            var attachment = FindAttachment(call);
            call.State.AttachmentsByLead[attachment.LeadId].Remove(attachment);
            call.State.LeadVersion++;
            return ServiceResponse.Json(200, new JsonObject { ["id"] = attachment.Id });
        }

        // The short-lived download link of the real service; here it simply serves the bytes.
        private static ServiceResponse Download(PplCall call)
        {
            int id = call.RouteId("id");
            foreach (var list in call.State.AttachmentsByLead.Values)
            {
                var a = list.Find(x => x.Id == id);
                if (a != null) return new ServiceResponse(200, a.Content, a.ContentType ?? "application/octet-stream");
            }
            throw PplError.NotFound();
        }

        private static PplAttachment FindAttachment(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            int id = call.RouteId("id");
            var list = call.State.AttachmentsByLead.TryGetValue(lead.Id, out var l) ? l : null;
            return list?.Find(a => a.Id == id) ?? throw PplError.NotFound();
        }

        private static JsonObject Attachment(PplState s, PplAttachment a) => new JsonObject
        {
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["url"] = DownloadUrl(s, a),
            ["content_type"] = a.ContentType,
            ["kind"] = a.Kind,
        };

        private static string DownloadUrl(PplState s, PplAttachment a) =>
            new Uri(s.AccountUri, "api/v2/attachments/" + a.Id.ToString(CultureInfo.InvariantCulture) + "/download").ToString();

        // ---- action histories ----

        private static ServiceResponse Histories(PplCall call)
        {
            var s = call.State;
            var p = call.Params;
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            bool asc = p.Ascending(true);
            int limit = p.GetInt("limit") ?? 100;
            if (limit < 1 || limit > 100) throw PplError.BadParameter("Parameter [limit] should be between 1 and 100.");
            DateTime? from = HistoryDate(p, "from", false), to = HistoryDate(p, "to", true);
            var type = p.GetNonEmpty("action_type")?.Trim().ToLowerInvariant();
            if (type != null && Array.IndexOf(ActionTypes, type) < 0) throw PplError.NotRecognized("action_type");
            var value = p.GetNonEmpty("action_value")?.Trim();
            HashSet<int>? userIds = null;
            var users = p.GetList("user_ids");
            if (users != null && users.Count > 0)
                userIds = new HashSet<int>(users.Select(u => (s.FindUser(u) ?? throw PplError.NotRecognized("user_ids")).Id));

            // action_value applies to step_changed / status_changed; an unknown value is ignored, as documented.
            string? stepName = null, statusName = null;
            if (value != null)
            {
                var step = s.FindStep(value);
                if (step != null) stepName = step.Name;
                if (Array.IndexOf(new[] { "todo", "standby", "won", "lost", "cancelled" }, value.ToLowerInvariant()) >= 0) statusName = value.ToLowerInvariant();
            }

            var items = PplHistory.Of(s, lead).Where(h =>
                (from == null || h.CreatedAt >= from) && (to == null || h.CreatedAt < to)
                && (type == null || h.ActionType == type)
                && (userIds == null || (h.UserId != null && userIds.Contains(h.UserId.Value)))
                && (h.ActionType != "step_changed" || stepName == null || Equals(h.ActionItem["name"], stepName))
                && (h.ActionType != "status_changed" || statusName == null || Equals(h.ActionItem["name"], statusName)));
            var ordered = (asc ? items.OrderBy(h => h.Id) : items.OrderByDescending(h => h.Id)).Take(limit);
            return ServiceResponse.Json(200, PplJson.Array(ordered, h => History(s, h)));
        }

        private static DateTime? HistoryDate(PplParams p, string name, bool endOfDay)
        {
            var text = p.GetNonEmpty(name);
            if (text == null) return null;
            if (!PplDates.TryParse(text, out var d, out bool dateOnly)) throw PplError.BadDate(name);
            return endOfDay ? (dateOnly ? d.AddDays(1) : d.AddTicks(1)) : d;
        }

        private static JsonObject History(PplState s, PplActionHistory h)
        {
            var item = new JsonObject();
            foreach (var kv in h.ActionItem) item[kv.Key] = kv.Value == null ? null : JsonValue.Create(kv.Value);
            return new JsonObject
            {
                ["id"] = h.Id,
                ["lead_id"] = h.LeadId,
                ["action_type"] = h.ActionType,
                ["action_item"] = item,
                ["created_at"] = PplDates.Format(h.CreatedAt),
                ["user"] = PplJson.UserShort(s.UserById(h.UserId)),
            };
        }

        // ---- e-mail from a template ----

        private static ServiceResponse SendEmail(PplCall call)
        {
            var s = call.State;
            var lead = call.LeadOr404(call.RouteId("lead_id"));
            int templateId = call.Params.GetInt("email_template_id") ?? throw PplError.Missing("email_template_id");
            if (Array.IndexOf(EmailTemplateIds, templateId) < 0) throw PplError.NotFound();
            if (PplDescription.Emails(s.DescriptionOf(lead)).Count == 0)
                throw new PplError(422, "Unprocessable: no e-mail address found in the lead", "unprocessable_entity");
            PplHistory.Record(s, lead, "email_sent", call.Actor, new Dictionary<string, object?> { ["id"] = templateId });
            s.Touch(lead);
            return ServiceResponse.Json(200, new JsonObject { ["message"] = "Sending email..." });
        }
    }
}
