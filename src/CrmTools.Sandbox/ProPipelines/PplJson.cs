using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>The documented JSON shapes of ProPipelines records, in one place.</summary>
    internal static class PplJson
    {
        public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
        {
            var array = new JsonArray();
            foreach (var item in items) array.Add(map(item));
            return array;
        }

        public static JsonArray Strings(IEnumerable<string> items)
        {
            var array = new JsonArray();
            foreach (var s in items) array.Add(JsonValue.Create(s));
            return array;
        }

        public static string Permalink(PplState s, string kind, int id) =>
            new Uri(s.AccountUri, kind + "/" + id.ToString(CultureInfo.InvariantCulture)).ToString();

        /// <summary>"todo" in lists, "Todo" in single-lead answers: the documents show both.</summary>
        public static string StatusText(string status, bool capitalized) =>
            capitalized && status.Length > 0 ? char.ToUpperInvariant(status[0]) + status.Substring(1) : status;

        // ---- users, teams ----

        /// <summary>The short user shape used inside leads, comments, histories.</summary>
        public static JsonObject? UserShort(PplUser? u, bool phones = true)
        {
            if (u == null) return null;
            var o = new JsonObject { ["id"] = u.Id, ["lastname"] = u.LastName, ["firstname"] = u.FirstName, ["email"] = u.Email };
            if (phones)
            {
                o["phone"] = u.Phone;
                o["mobile_phone"] = u.MobilePhone;
            }
            return o;
        }

        public static JsonObject User(PplState s, PplUser u) => new JsonObject
        {
            ["id"] = u.Id,
            ["lastname"] = u.LastName,
            ["firstname"] = u.FirstName,
            ["email"] = u.Email,
            ["phone"] = u.Phone,
            ["mobile_phone"] = u.MobilePhone,
            ["job_title"] = u.JobTitle,
            ["im_type"] = u.ImType,
            ["im"] = u.Im,
            ["updated_at"] = PplDates.Format(u.UpdatedAt),
            ["created_at"] = PplDates.Format(u.CreatedAt),
            ["is_admin"] = u.IsAdmin,
            ["has_activated"] = u.HasActivated,
            ["is_disabled"] = u.IsDisabled,
            ["locale"] = u.Locale,
            ["time_zone"] = s.TimeZone,
            ["permalink"] = Permalink(s, "users", u.Id),
        };

        public static JsonObject? Team(PplState s, PplTeam? t)
        {
            if (t == null) return null;
            var users = new JsonArray();
            foreach (var m in t.Members)
            {
                var u = s.UserById(m.UserId);
                if (u == null) continue;
                var o = UserShort(u, phones: false)!;
                o["is_manager"] = m.IsManager;
                users.Add(o);
            }
            return new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["users"] = users,
                ["updated_at"] = PplDates.Format(t.UpdatedAt),
                ["created_at"] = PplDates.Format(t.CreatedAt),
            };
        }

        // ---- account structure ----

        public static JsonObject Pipeline(PplPipeline p) => new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["is_default"] = p.IsDefault,
            ["created_at"] = PplDates.Format(p.CreatedAt),
            ["updated_at"] = PplDates.Format(p.UpdatedAt),
        };

        public static JsonObject Step(PplState s, PplStep st)
        {
            var pipeline = s.PipelineById(st.PipelineId);
            return new JsonObject
            {
                ["id"] = st.Id,
                ["name"] = st.Name,
                ["position"] = st.Position,
                ["created_at"] = PplDates.Format(st.CreatedAt),
                ["updated_at"] = PplDates.Format(st.UpdatedAt),
                ["pipeline_id"] = st.PipelineId,
                ["pipeline"] = pipeline == null ? null : Pipeline(pipeline),
            };
        }

        /// <summary>The short client folder shape used inside a lead.</summary>
        public static JsonObject? ClientShort(PplClientFolder? c)
        {
            if (c == null) return null;
            return new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["description"] = PplDescription.ToHtml(c.Description),
                ["is_active"] = c.IsActive,
                ["created_at"] = PplDates.Format(c.CreatedAt),
            };
        }

        public static JsonObject Client(PplState s, PplClientFolder c, bool extended)
        {
            var o = new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["description"] = c.Description,
                ["is_active"] = c.IsActive,
                ["created_at"] = PplDates.Format(c.CreatedAt),
                ["user_id"] = c.UserId,
            };
            if (!extended) return o;

            var parsed = PplDescription.Parse(c.Description);
            var fields = new JsonObject();
            foreach (var key in PplDescription.StandardKeys) fields[key] = null;
            foreach (var key in new[] { "city", "zipcode", "state", "country" }) fields[key] = null;
            var byName = new JsonObject();
            foreach (var f in s.Fields)
                if (f.ParentType == "client") byName[f.Name] = null;
            foreach (var kv in parsed)
            {
                byName[kv.Key] = kv.Value;
                var std = PplDescription.StandardKey(kv.Key);
                if (std != null && fields[std] == null) fields[std] = kv.Value;
            }
            o["extended_info"] = new JsonObject
            {
                ["permalink"] = Permalink(s, "clients", c.Id),
                ["fields"] = fields,
                ["fields_by_name"] = byName,
                ["user"] = UserShort(s.UserById(c.UserId), phones: false),
            };
            return o;
        }

        // ---- leads ----

        /// <summary>The list shape (GET /leads, /leads/unassigned).</summary>
        public static JsonObject LeadSummary(PplState s, PplLead l)
        {
            var step = s.StepById(l.StepId);
            var client = s.ClientById(l.ClientFolderId);
            var team = s.TeamById(l.TeamId);
            string description = s.DescriptionOf(l);
            return new JsonObject
            {
                ["id"] = l.Id,
                ["title"] = l.Title,
                ["pipeline"] = step == null ? null : s.PipelineById(step.PipelineId)?.Name,
                ["step"] = step?.Name,
                ["step_id"] = l.StepId,
                ["status"] = StatusText(l.Status, false),
                ["amount"] = l.Amount,
                ["probability"] = l.Probability,
                ["currency"] = l.Currency,
                ["starred"] = l.Starred,
                ["remind_date"] = PplDates.FormatDate(l.RemindDate),
                ["remind_time"] = l.RemindTime,
                ["created_at"] = PplDates.Format(l.CreatedAt),
                ["estimated_closing_date"] = PplDates.FormatDate(l.EstimatedClosingDate),
                ["updated_at"] = PplDates.Format(l.UpdatedAt),
                ["description"] = description,
                ["html_description"] = PplDescription.ToHtml(description),
                ["tags"] = Strings(l.Tags),
                ["created_from"] = l.CreatedFrom,
                ["closed_at"] = PplDates.Format(l.ClosedAt),
                ["attachment_count"] = s.AttachmentCount(l.Id),
                ["created_by_id"] = l.CreatedById,
                ["user_id"] = l.UserId,
                ["client_folder_id"] = l.ClientFolderId,
                ["client_folder_name"] = client?.Name,
                ["team_id"] = l.TeamId,
                ["team_name"] = team?.Name,
            };
        }

        /// <summary>The full shape (GET/POST/PUT one lead) with extended_info.</summary>
        public static JsonObject Lead(PplState s, PplLead l)
        {
            var step = s.StepById(l.StepId);
            var client = s.ClientById(l.ClientFolderId);
            string description = s.DescriptionOf(l);
            var o = new JsonObject
            {
                ["id"] = l.Id,
                ["title"] = l.Title,
                ["pipeline"] = step == null ? null : s.PipelineById(step.PipelineId)?.Name,
                ["step"] = step?.Name,
                ["step_id"] = l.StepId,
                ["status"] = StatusText(l.Status, true),
                ["amount"] = l.Amount,
                ["probability"] = l.Probability,
                ["currency"] = l.Currency,
                ["starred"] = l.Starred,
                ["remind_date"] = PplDates.FormatDate(l.RemindDate),
                ["remind_time"] = l.RemindTime,
                ["reminder_at"] = PplDates.Format(l.ReminderAt),
                ["reminder_duration"] = l.ReminderDuration,
                ["created_at"] = PplDates.Format(l.CreatedAt),
                ["estimated_closing_date"] = PplDates.FormatDate(l.EstimatedClosingDate),
                ["updated_at"] = PplDates.Format(l.UpdatedAt),
                ["closed_at"] = PplDates.Format(l.ClosedAt),
                ["description"] = description,
                ["html_description"] = PplDescription.ToHtml(description),
                ["tags"] = Strings(l.Tags),
                ["created_from"] = l.CreatedFrom,
                ["created_by_id"] = l.CreatedById,
                ["user_id"] = l.UserId,
                ["team_id"] = l.TeamId,
                ["client_folder_id"] = l.ClientFolderId,
                ["client_folder_name"] = client?.Name,
                ["attachment_count"] = s.AttachmentCount(l.Id),
            };
            o["extended_info"] = LeadExtendedInfo(s, l, description, client);
            return o;
        }

        private static JsonObject LeadExtendedInfo(PplState s, PplLead l, string description, PplClientFolder? client)
        {
            var parsed = PplDescription.Parse(description);
            var fields = new JsonObject();
            foreach (var key in PplDescription.StandardKeys) fields[key] = null;
            var byName = new JsonObject();
            foreach (var kv in parsed)
            {
                byName[kv.Key] = kv.Value;
                var std = PplDescription.StandardKey(kv.Key);
                if (std != null && fields[std] == null) fields[std] = kv.Value;
            }
            var emails = PplDescription.Emails(description);
            foreach (var c in s.CommentsOf(l.Id))
                foreach (var e in PplDescription.Emails(c.Content))
                    if (!emails.Exists(x => string.Equals(x, e, StringComparison.OrdinalIgnoreCase))) emails.Add(e);

            return new JsonObject
            {
                ["first_contact_email"] = emails.Count > 0 ? emails[0] : null,
                ["all_contact_emails"] = Strings(emails),
                ["permalink"] = Permalink(s, "leads", l.Id),
                ["fields"] = fields,
                ["fields_by_name"] = byName,
                ["comment_count"] = s.CommentsOf(l.Id).Count,
                ["bcc_count"] = 0,
                ["team"] = Team(s, s.TeamById(l.TeamId)),
                ["user"] = UserShort(s.UserById(l.UserId)),
                ["client_folder"] = ClientShort(client),
                ["created_by"] = UserShort(s.UserById(l.CreatedById), phones: false),
                ["business_card_id"] = l.BusinessCardId,
                ["visible_by_count"] = l.UserId == null ? 0 : 1,
                ["follow_ups"] = new JsonArray(),
            };
        }
    }
}
