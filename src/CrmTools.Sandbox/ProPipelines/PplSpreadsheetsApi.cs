using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Prospecting lists ("spreadsheets") and their rows (prospects): list, get, create, assign,
    /// comments, rows add (at most 100 per call), update, delete, create_lead, and rows/called_from.
    /// </summary>
    internal static class PplSpreadsheetsApi
    {
        private const int MaxRowsPerAdd = 100;
        private const int MaxRows = 5000;
        private const int MaxColumns = 26;

        public static void Register(PplRouter r)
        {
            r.Get("spreadsheets", List);
            r.Post("spreadsheets", Create);
            r.Get("spreadsheets/{id}", Get);
            r.Post("spreadsheets/{id}/assign", Assign);
            r.Post("spreadsheets/{spreadsheet_id}/comments", CommentList);
            r.Post("spreadsheets/{spreadsheet_id}/rows", AddRows);
            r.Put("spreadsheets/{spreadsheet_id}/rows/{id}", UpdateRow);
            r.Delete("spreadsheets/{spreadsheet_id}/rows/{id}", DeleteRow);
            r.Post("spreadsheets/{spreadsheet_id}/rows/{id}/comments", CommentRow);
            r.Post("spreadsheets/{spreadsheet_id}/rows/{id}/create_lead", CreateLead);
            r.Get("rows/called_from", CalledFrom);
        }

        private static ServiceResponse List(PplCall call)
        {
            var p = call.Params;
            bool asc = p.Ascending(false);
            int limit = p.GetInt("limit") ?? 100;
            var title = p.GetNonEmpty("title");
            var lists = call.State.Spreadsheets.Where(x => CanSee(call, x) && (title == null || x.Title == title));
            var ordered = (asc ? lists.OrderBy(x => x.Id) : lists.OrderByDescending(x => x.Id)).Take(Math.Max(0, limit));
            return ServiceResponse.Json(200, PplJson.Array(ordered, x => Sheet(call.State, x, withRows: false)));
        }

        private static ServiceResponse Get(PplCall call) =>
            ServiceResponse.Json(200, Sheet(call.State, Find(call, "id"), withRows: true));

        private static ServiceResponse Create(PplCall call)
        {
            var s = call.State;
            var p = call.Params;
            var title = p.Require("title").Trim();
            var content = Matrix(p, "content") ?? throw PplError.Missing("content");
            if (content.Count == 0) throw PplError.Missing("content");
            if (content.Count - 1 > MaxRows) throw PplError.BadParameter("The number of rows is limited to " + MaxRows + ".");
            if (content.Any(row => row.Length > MaxColumns)) throw PplError.BadParameter("The number of columns is limited to " + MaxColumns + ".");

            // API key: the named user, else the first admin. USER token: the user (user_id ignored).
            var owner = call.User ?? (p.GetNonEmpty("user_id") is string u ? s.FindUser(u) : null) ?? call.Actor;
            var sheet = new PplSpreadsheet
            {
                Id = s.NextId("spreadsheet", 17200), Title = title, Description = p.Get("description") ?? "", UserId = owner.Id,
                Columns = content[0], Tags = (p.GetList("tags") ?? new List<string>()).Distinct().OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ToArray(),
                Privacy = string.Equals(p.GetNonEmpty("privacy"), "off", StringComparison.OrdinalIgnoreCase) ? 0 : 1,
                CreatedAt = s.Now, UpdatedAt = s.Now,
            };
            foreach (var row in content.Skip(1)) sheet.Rows.Add(NewRow(s, sheet, row));
            s.Spreadsheets.Add(sheet);
            foreach (var row in sheet.Rows) PplWebhookDispatcher.Raise(call, "prospect.created", Row(row, withSheet: true));
            return ServiceResponse.Json(201, Sheet(s, sheet, withRows: true));
        }

        private static ServiceResponse Assign(PplCall call)
        {
            var s = call.State;
            var sheet = Find(call, "id");
            var user = s.FindUser(call.Params.GetNonEmpty("user_id") ?? throw PplError.Missing("user_id"));
            if (user == null || user.IsDisabled) throw PplError.BadParameter("Parameter user_id not recognized.");
            sheet.UserId = user.Id;
            sheet.UpdatedAt = s.Now;
            return ServiceResponse.Json(200, Sheet(s, sheet, withRows: false));
        }

        private static ServiceResponse CommentList(PplCall call)
        {
            var sheet = Find(call, "spreadsheet_id");
            var comment = NewComment(call, sheet.Id);
            sheet.Comments.Add(comment);
            return ServiceResponse.Json(201, Comment(call.State, comment, "Spreadsheet", sheet.Id));
        }

        private static ServiceResponse CommentRow(PplCall call)
        {
            var (sheet, row) = FindRow(call);
            var comment = NewComment(call, sheet.Id);
            row.Comments.Add(comment);
            return ServiceResponse.Json(201, Comment(call.State, comment, "SpreadsheetRow", row.Id));
        }

        private static ServiceResponse AddRows(PplCall call)
        {
            var s = call.State;
            var sheet = Find(call, "spreadsheet_id");
            var content = Matrix(call.Params, "content") ?? throw PplError.Missing("content");
            if (content.Count > MaxRowsPerAdd) throw PplError.BadParameter("The number of rows is limited to " + MaxRowsPerAdd + ".");
            if (sheet.Rows.Count + content.Count > MaxRows) throw PplError.BadParameter("The number of rows is limited to " + MaxRows + ".");
            if (content.Any(row => row.Length > MaxColumns)) throw PplError.BadParameter("The number of columns is limited to " + MaxColumns + ".");
            var added = content.Select(row => NewRow(s, sheet, row)).ToList();
            sheet.Rows.AddRange(added);
            sheet.UpdatedAt = s.Now;
            foreach (var row in added) PplWebhookDispatcher.Raise(call, "prospect.created", Row(row, withSheet: true));
            return ServiceResponse.Json(201, PplJson.Array(added, x => Row(x, withSheet: false)));
        }

        private static ServiceResponse UpdateRow(PplCall call)
        {
            var (sheet, row) = FindRow(call);
            var values = Vector(call.Params, "content") ?? throw PplError.Missing("content");
            if (values.Length > MaxColumns) throw PplError.BadParameter("The number of columns is limited to " + MaxColumns + ".");
            row.Content = values;
            row.UpdatedAt = sheet.UpdatedAt = call.State.Now;
            PplWebhookDispatcher.Raise(call, "prospect.updated", Row(row, withSheet: true));
            return ServiceResponse.Json(200, Row(row, withSheet: false));
        }

        private static ServiceResponse DeleteRow(PplCall call)
        {
            var (sheet, row) = FindRow(call);
            sheet.Rows.Remove(row);
            sheet.UpdatedAt = call.State.Now;
            return ServiceResponse.Json(200, new JsonObject { ["id"] = row.Id });
        }

        // The first column becomes the title; every other column a "Column: value" description line.
        private static ServiceResponse CreateLead(PplCall call)
        {
            var s = call.State;
            var (sheet, row) = FindRow(call);
            if (row.LeadId != null && s.LeadById(row.LeadId.Value) != null)
                throw PplError.AlreadyExists("A lead has already been created from this prospect");
            var description = new StringBuilder();
            for (int i = 1; i < row.Content.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(row.Content[i])) continue;
                var name = i < sheet.Columns.Length ? sheet.Columns[i] : "Column " + (i + 1);
                if (description.Length > 0) description.Append('\n');
                description.Append(name).Append(": ").Append(row.Content[i]);
            }
            var owner = call.User ?? s.UserById(sheet.UserId) ?? call.Actor;
            var lead = new PplLead
            {
                Id = s.NextId("lead", PplSeeder.FirstLeadId),
                Title = row.Content.Length > 0 && row.Content[0].Trim().Length > 0 ? row.Content[0].Trim() : "Prospect " + row.Id,
                StoredDescription = description.ToString(),
                StepId = s.DefaultFirstStep().Id, Status = "todo", Currency = s.CurrencyCode,
                CreatedAt = s.Now, UpdatedAt = s.Now, CreatedFrom = "api", CreatedById = call.Actor.Id,
                UserId = owner.Id, TeamId = s.TeamOfUser(owner.Id)?.Id,
            };
            s.AddLead(lead);
            s.HistoryByLead[lead.Id] = new List<PplActionHistory>();
            PplHistory.Record(s, lead, "lead_created", call.Actor, new Dictionary<string, object?> { ["id"] = lead.Id });
            row.LeadId = lead.Id;
            row.UpdatedAt = s.Now;
            PplWebhookDispatcher.RaiseLead(call, "lead.creation", lead);
            return ServiceResponse.Json(201, PplJson.Lead(s, lead));
        }

        private static ServiceResponse CalledFrom(PplCall call)
        {
            var phone = Digits(call.Params.GetNonEmpty("phone_number") ?? throw PplError.Missing("phone_number"));
            var rows = call.State.Spreadsheets.Where(x => CanSee(call, x))
                .SelectMany(x => x.Rows).Where(r => r.CalledFrom != null && Digits(r.CalledFrom) == phone);
            return ServiceResponse.Json(200, PplJson.Array(rows, x => Row(x, withSheet: true)));
        }

        // ---- helpers ----

        private static bool CanSee(PplCall call, PplSpreadsheet x) => call.IsAdmin || x.UserId == call.User!.Id || x.Privacy == 0;

        private static PplSpreadsheet Find(PplCall call, string name)
        {
            int id = call.RouteId(name);
            var sheet = call.State.Spreadsheets.Find(x => x.Id == id);
            if (sheet == null || !CanSee(call, sheet)) throw PplError.NotFound();
            return sheet;
        }

        private static (PplSpreadsheet, PplRow) FindRow(PplCall call)
        {
            var sheet = Find(call, "spreadsheet_id");
            int id = call.RouteId("id");
            return (sheet, sheet.Rows.Find(r => r.Id == id) ?? throw PplError.NotFound());
        }

        private static PplRow NewRow(PplState s, PplSpreadsheet sheet, string[] content) => new PplRow
        {
            Id = s.NextId("row", 100), SpreadsheetId = sheet.Id, Content = content, CreatedAt = s.Now, UpdatedAt = s.Now,
        };

        private static PplComment NewComment(PplCall call, int itemId)
        {
            var s = call.State;
            var p = call.Params;
            var author = call.User ?? (p.GetNonEmpty("user_id") is string u
                ? s.FindUser(u) ?? throw PplError.BadParameter("Parameter user_id not recognized.")
                : call.Actor);
            int? activityId = p.GetInt("activity_id");
            if (activityId != null && !s.Activities.Exists(a => a.Id == activityId)) throw PplError.NotRecognized("activity_id");
            return new PplComment
            {
                Id = s.NextId("comment", PplSeeder.FirstCommentId), LeadId = itemId, Content = p.Require("content"),
                UserId = author.Id, ActivityId = activityId, CreatedAt = s.Now,
            };
        }

        /// <summary>"content" as a JSON array of arrays, or as a string holding that JSON (both are documented).</summary>
        private static List<string[]>? Matrix(PplParams p, string name)
        {
            var element = Element(p, name);
            if (element == null) return null;
            if (element.Value.ValueKind != JsonValueKind.Array) throw PplError.BadParameter("Parameter [" + name + "] should be an array of arrays.");
            var rows = new List<string[]>();
            foreach (var row in element.Value.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array) throw PplError.BadParameter("Parameter [" + name + "] should be an array of arrays.");
                rows.Add(Cells(row));
            }
            return rows;
        }

        private static string[]? Vector(PplParams p, string name)
        {
            var element = Element(p, name);
            if (element == null) return null;
            if (element.Value.ValueKind != JsonValueKind.Array) throw PplError.BadParameter("Parameter [" + name + "] should be an array.");
            // Accept [[...]] too: a one-row matrix.
            var e = element.Value;
            if (e.GetArrayLength() == 1 && e[0].ValueKind == JsonValueKind.Array) e = e[0];
            return Cells(e);
        }

        private static JsonElement? Element(PplParams p, string name)
        {
            var json = p.GetJson(name);
            if (json != null && json.Value.ValueKind != JsonValueKind.String) return json;
            var text = json?.GetString() ?? p.Get(name);
            if (string.IsNullOrWhiteSpace(text)) return null;
            try { return JsonDocument.Parse(text!).RootElement.Clone(); }
            catch (JsonException) { throw PplError.BadParameter("Parameter [" + name + "] is not valid JSON."); }
        }

        private static string[] Cells(JsonElement row) =>
            row.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString() ?? ""
                : c.ValueKind == JsonValueKind.Null ? "" : c.GetRawText()).ToArray();

        private static string Digits(string text) => new string(text.Where(char.IsDigit).ToArray());

        private static JsonObject Sheet(PplState s, PplSpreadsheet x, bool withRows)
        {
            var o = new JsonObject
            {
                ["id"] = x.Id,
                ["title"] = x.Title,
                ["description"] = x.Description,
                ["column_count"] = x.Columns.Length,
                ["column_names"] = PplJson.Strings(x.Columns),
                ["privacy"] = x.Privacy,
                ["updated_at"] = PplDates.Format(x.UpdatedAt),
                ["created_at"] = PplDates.Format(x.CreatedAt),
                ["tags"] = PplJson.Strings(x.Tags),
                ["permalink"] = PplJson.Permalink(s, "spreadsheets", x.Id),
                ["is_archived"] = x.IsArchived,
                ["user"] = PplJson.UserShort(s.UserById(x.UserId)),
            };
            if (withRows)
                o["spreadsheet_rows"] = PplJson.Array(x.Rows, r =>
                {
                    var row = Row(r, withSheet: false);
                    row["comment_count"] = r.Comments.Count;
                    return row;
                });
            return o;
        }

        private static JsonObject Row(PplRow r, bool withSheet)
        {
            var o = new JsonObject
            {
                ["id"] = r.Id,
                ["lead_id"] = r.LeadId,
                ["is_active"] = r.IsActive,
                ["content"] = PplJson.Strings(r.Content),
            };
            if (withSheet) o["spreadsheet_id"] = r.SpreadsheetId;
            return o;
        }

        private static JsonObject Comment(PplState s, PplComment c, string item, int itemId) => new JsonObject
        {
            ["id"] = c.Id,
            ["content"] = c.Content,
            ["commented_item"] = new JsonObject { ["item"] = item, ["id"] = itemId },
            ["created_at"] = PplDates.Format(c.CreatedAt),
            ["attachments"] = new JsonArray(),
            ["activity_id"] = c.ActivityId,
            ["user"] = PplJson.UserShort(s.UserById(c.UserId)),
        };
    }
}
