using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>
    /// Deals and pipelines (api/v2): deal list (sort required) / get / create / update / delete, pipelines
    /// list / get / create / update / delete (with their deals) / archive / unarchive, stages create / update /
    /// archive, and a pipeline's deals by stage with per-stage next-page links.
    /// </summary>
    internal static class NimbleDealsApi
    {
        private static readonly string[] StandardFields = { "name", "amount", "probability", "description", "expected_close_date" };

        public static void Register(NimbleService s)
        {
            s.Map("GET", "api/v2/deals", ListDeals);
            s.Map("POST", "api/v2/deals", CreateDeal);
            s.Map("GET", "api/v2/deals/{id}", GetDeal);
            s.Map("GET", "api/v2/deals/widget/won_last_month", WonLastMonth);
            s.Map("GET", "api/v2/deals/tags", Tags);
            s.Map("POST", "api/v2/deals/tags", AddTags);
            s.Map("PUT", "api/v2/deals/tags/{tag}", RenameTag);
            s.Map("DELETE", "api/v2/deals/tags/{tag}", DeleteTag);
            s.Map("PUT", "api/v2/deals/{id}", UpdateDeal);
            s.Map("DELETE", "api/v2/deals/{id}", DeleteDeal);
            s.Map("POST", "api/v2/deals/{id}/notes", CreateDealNote);
            s.Map("PUT", "api/v2/deals/{id}/notes/{nid}", UpdateDealNote);
            s.Map("DELETE", "api/v2/deals/{id}/notes/{nid}", DeleteDealNote);
            s.Map("GET", "api/v2/deals/{id}/files/{fid}/url", DealFileUrl);
            s.Map("GET", "api/v2/deals/{id}/overdue", OverdueActivities);
            s.Map("PUT", "api/v2/deals/{id}/files/{fid}", RenameDealFile);
            s.Map("DELETE", "api/v2/deals/{id}/files/{fid}", DeleteDealFile);
            s.Map("GET", "api/v2/deals/pipelines", ListPipelines);
            s.Map("POST", "api/v2/deals/pipelines", CreatePipeline);
            s.Map("GET", "api/v2/deals/pipelines/{pid}", GetPipeline);
            s.Map("PUT", "api/v2/deals/pipelines/{pid}", UpdatePipeline);
            s.Map("DELETE", "api/v2/deals/pipelines/{pid}", DeletePipeline);
            s.Map("GET", "api/v2/deals/pipelines/{pid}/deals", DealsByStage);
            s.Map("GET", "api/v2/deals/pipelines/{pid}/owners", DealsByOwner);
            s.Map("POST", "api/v2/deals/pipelines/{pid}/archive", c => Archive(c, true));
            s.Map("POST", "api/v2/deals/pipelines/{pid}/unarchive", c => Archive(c, false));
            s.Map("POST", "api/v2/deals/pipelines/{pid}/stages", CreateStage);
            s.Map("POST", "api/v2/deals/pipelines/{pid}/lost_reasons", AddLostReason);
            s.Map("PUT", "api/v2/deals/pipelines/{pid}/stages/{sid}", UpdateStage);
            s.Map("DELETE", "api/v2/deals/pipelines/{pid}/stages/{sid}", ArchiveStage);
        }

        private static ServiceResponse ListDeals(NimbleCall call)
        {
            var order = Sorter(call.Query("sort") ?? throw NimbleError.Validation("sort is required (field:order)."));
            var limit = call.IntQuery("limit", 30, 1, 100);
            var page = call.IntQuery("page", 1, 1, int.MaxValue);
            var all = order(call.State.Deals).ToList();
            return ServiceResponse.Json(200, new JsonObject
            {
                ["meta"] = new JsonObject { ["page"] = page, ["pages"] = Math.Max(1, (all.Count + limit - 1) / limit), ["per_page"] = limit, ["total"] = all.Count },
                ["resources"] = new JsonArray(all.Skip((page - 1) * limit).Take(limit).Select(d => (JsonNode?)DealJson(call, d)).ToArray()),
            });
        }

        // Deals whose current stage is a "won" stage they entered during the previous calendar month (UTC).
        private static ServiceResponse WonLastMonth(NimbleCall call)
        {
            var now = DateTimeOffset.UtcNow;
            var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);
            var end = start.AddMonths(1);
            var won = call.State.Deals.Where(d => call.State.Stage(d.StageId)?.Role == "won" &&
                                                  d.Transitions.LastOrDefault() is NimbleTransition t && t.When >= start && t.When < end).ToList();
            return ServiceResponse.Json(200, new JsonObject { ["last_month_won_amount"] = won.Sum(Amount), ["last_month_won_count"] = won.Count });
        }

        private static ServiceResponse Tags(NimbleCall call)
        {
            var startsWith = call.Query("starts_with") ?? "";
            var limit = call.IntQuery("limit", 50, 1, 1000);
            var tags = call.State.Deals.SelectMany(d => d.Tags).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(t => t.StartsWith(startsWith, StringComparison.OrdinalIgnoreCase)).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).Take(limit);
            return ServiceResponse.Json(200, new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)new JsonObject { ["name"] = t, ["created"] = null }).ToArray()) });
        }

        // Assigns tags to the deals the advanced query finds: done at once, answered as a completed push operation.
        private static ServiceResponse AddTags(NimbleCall call)
        {
            var body = call.Json();
            var missing = new Dictionary<string, string>();
            if (body["tags"] == null) missing["tags"] = "tags is required.";
            if (body["query"] == null) missing["query"] = "query is required.";
            if (missing.Count > 0) throw NimbleError.Validation("Validation errors", missing);
            var tags = NimbleService.StringList(body["tags"], "tags").Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
            if (tags.Count == 0) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["tags"] = "At least one tag is required." });
            if (body["query"] is not JsonObject query) throw NimbleError.Validation("Invalid query: must be a JSON object.");
            var found = call.State.Deals.Where(d => DealMatches(call.State, d, query)).ToList();
            var now = DateTimeOffset.UtcNow;
            foreach (var deal in found)
            {
                var changed = false;
                foreach (var tag in tags)
                {
                    if (deal.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) continue;
                    deal.Tags.Add(tag);
                    changed = true;
                }
                if (changed) deal.Updated = now;
            }
            return ServiceResponse.Json(200, new JsonObject
            {
                ["push_data"] = new JsonObject
                {
                    ["operation_id"] = call.State.NewId("operation"), ["processed"] = found.Count, ["total"] = found.Count,
                    ["started_at"] = NimbleService.Time(now), ["is_completed"] = true, ["errors"] = new JsonArray(),
                },
            });
        }

        // Renames a tag on every deal: 404 when no deal has it, 406 when the new name is already a deal tag.
        private static ServiceResponse RenameTag(NimbleCall call)
        {
            var name = call.Route["tag"];
            var body = call.Json();
            var newName = NimbleService.Text(body["new_tag"])?.Trim();
            if (string.IsNullOrEmpty(newName)) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["new_tag"] = "new_tag is required." });
            var tagged = call.State.Deals.Where(d => d.Tags.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (tagged.Count == 0) throw NimbleError.NotFound("tag", name);
            if (!string.Equals(name, newName, StringComparison.OrdinalIgnoreCase) &&
                call.State.Deals.Any(d => d.Tags.Contains(newName!, StringComparer.OrdinalIgnoreCase)))
            {
                throw new NimbleError(406, new JsonObject { ["message"] = $"Tag '{newName}' already exists", ["type"] = "tag_already_exists" });
            }
            var now = DateTimeOffset.UtcNow;
            foreach (var deal in tagged)
            {
                var i = deal.Tags.FindIndex(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
                deal.Tags[i] = newName!;
                deal.Updated = now;
            }
            return ServiceResponse.Json(200, new JsonObject());
        }

        // Unlinks a tag from every deal (404 when no deal has it).
        private static ServiceResponse DeleteTag(NimbleCall call)
        {
            var name = call.Route["tag"];
            call.Json();
            var tagged = call.State.Deals.Where(d => d.Tags.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (tagged.Count == 0) throw NimbleError.NotFound("tag", name);
            var now = DateTimeOffset.UtcNow;
            foreach (var deal in tagged)
            {
                deal.Tags.RemoveAll(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
                deal.Updated = now;
            }
            return ServiceResponse.Json(200, new JsonObject());
        }

        // The deal advanced search, as far as the sandbox emulates it: and/or/not; tag, name, pipeline, stage, owner,
        // id and the deal's other fields; contain, not_contain, starts_with, is, is_not, is_empty, in.
        private static bool DealMatches(NimbleState state, NimbleDealRecord d, JsonNode? node)
        {
            if (node is JsonArray list) return list.All(n => DealMatches(state, d, n));
            if (node is not JsonObject o || o.Count != 1) throw NimbleError.Validation("Invalid query: each term must have exactly one key.");
            var pair = o.First();
            switch (pair.Key)
            {
                case "and": return (pair.Value as JsonArray ?? throw NimbleError.Validation("Invalid query: 'and' needs a list.")).All(n => DealMatches(state, d, n));
                case "or": return (pair.Value as JsonArray ?? throw NimbleError.Validation("Invalid query: 'or' needs a list.")).Any(n => DealMatches(state, d, n));
                case "not": return !DealMatches(state, d, pair.Value);
            }
            if (pair.Value is not JsonObject condition || condition.Count != 1) throw NimbleError.Validation($"Invalid query term for '{pair.Key}'.");
            var op = condition.First().Key;
            var operand = condition.First().Value;
            List<string> values = pair.Key.ToLowerInvariant() switch
            {
                "tag" or "tags" => d.Tags,
                "id" or "deal_id" => new List<string> { d.Id },
                "pipeline" or "pipeline_id" => new List<string> { d.PipelineId, state.Pipeline(d.PipelineId)?.Name ?? "" },
                "stage" or "stage_id" => new List<string> { d.StageId, state.Stage(d.StageId)?.Name ?? "" },
                "owner" or "owner_id" => new List<string> { d.OwnerId },
                _ => d.Fields.TryGetValue(pair.Key, out var v) ? new List<string> { v } : new List<string>(),
            };
            string Operand() => NimbleService.Text(operand) ?? "";
            switch (op)
            {
                case "contain": return values.Any(v => v.IndexOf(Operand(), StringComparison.OrdinalIgnoreCase) >= 0);
                case "not_contain": return !values.Any(v => v.IndexOf(Operand(), StringComparison.OrdinalIgnoreCase) >= 0);
                case "starts_with": return values.Any(v => v.StartsWith(Operand(), StringComparison.OrdinalIgnoreCase));
                case "is": return values.Any(v => string.Equals(v, Operand(), StringComparison.OrdinalIgnoreCase));
                case "is_not": return !values.Any(v => string.Equals(v, Operand(), StringComparison.OrdinalIgnoreCase));
                case "is_empty":
                    var empty = !(operand is JsonValue ev && ev.TryGetValue<bool>(out var flag)) || flag;
                    return empty == values.All(v => v.Length == 0);
                case "in":
                    var options = operand is JsonArray arr ? arr.Select(NimbleService.Text).ToList() : new List<string?> { Operand() };
                    return values.Any(v => options.Any(x => string.Equals(x, v, StringComparison.OrdinalIgnoreCase)));
                default:
                    throw NimbleError.Validation($"The sandbox does not emulate the '{op}' operator for deals.");
            }
        }

        // The deal's tasks (the sandbox's only activities, type "task") whose due date has passed, longest overdue first.
        // The spec types the *_tstamp values as objects without describing them: the sandbox sends the timestamp text.
        private static ServiceResponse OverdueActivities(NimbleCall call)
        {
            var deal = FindDeal(call);
            var limit = call.IntQuery("limit", 30, 1, 100);
            var types = call.Request.Query.Where(p => p.Key == "types").Select(p => p.Value).ToList();
            var now = DateTimeOffset.UtcNow;
            var overdue = new List<(NimbleTaskRecord Task, DateTimeOffset Due)>();
            foreach (var task in call.State.Tasks.Where(t => t.DealIds.Contains(deal.Id)))
            {
                if (task.DueDate == null || !DateTimeOffset.TryParse(task.DueDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due) || due >= now) continue;
                overdue.Add((task, due));
            }
            if (types.Count > 0 && !types.Any(t => string.Equals(t, "task", StringComparison.OrdinalIgnoreCase))) overdue.Clear();
            var user = call.Service.UserInfo();
            var activities = overdue.OrderBy(o => o.Due).Take(limit).Select(o => (JsonNode?)new JsonObject
            {
                ["activity_id"] = o.Task.Id,
                ["activity_type"] = new JsonObject
                {
                    ["type_id"] = "task", ["type_name"] = "Task", ["logo_id"] = "task", ["can_update_lc"] = false, ["can_update_definition"] = false, ["archived"] = false,
                },
                ["name"] = o.Task.Subject,
                ["description"] = o.Task.Notes ?? "",
                ["assigned_to"] = user.DeepClone(),
                ["owner"] = user.DeepClone(),
                ["related_contacts"] = new JsonArray(o.Task.ContactIds.Where(id => call.State.Contact(id) != null)
                    .Select(id => (JsonNode?)NimbleContactsApi.ShortContact(call.State.Contact(id)!)).ToArray()),
                ["new_related_deals"] = new JsonArray(o.Task.DealIds.Select(id => (JsonNode?)new JsonObject { ["deal_id"] = id, ["name"] = call.State.Deal(id)?.Name }).ToArray()),
                ["related_sequence"] = null,
                ["created"] = NimbleService.Time(o.Task.Created),
                ["scheduled_tstamp"] = NimbleService.Time(o.Due),
                ["completed_tstamp"] = null,
                ["feed_tstamp"] = NimbleService.Time(o.Due),
                ["tags"] = new JsonArray(o.Task.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["priority"] = o.Task.IsImportant ? "high" : "medium",
                ["comments"] = new JsonArray(),
                ["is_important"] = o.Task.IsImportant,
                ["details"] = new JsonObject(),
            }).ToArray();
            return ServiceResponse.Json(200, new JsonObject { ["activities"] = new JsonArray(activities) });
        }

        private static NimbleDealFileRecord FindDealFile(NimbleCall call, out NimbleDealRecord deal)
        {
            deal = FindDeal(call);
            return deal.Files.FirstOrDefault(f => f.Id == call.Route["fid"]) ?? throw NimbleError.NotFound("file", call.Route["fid"]);
        }

        private static JsonObject DealFileJson(NimbleCall call, NimbleDealFileRecord f) => new JsonObject
        {
            ["file_id"] = f.Id,
            ["file_name"] = f.Name,
            ["file_size"] = f.Size,
            ["uploaded_at"] = NimbleService.Time(f.UploadedAt),
            ["uploader"] = call.Service.UserInfo(),
            ["metadata"] = f.Source == "uploaded_azure"
                ? new JsonObject { ["source"] = f.Source, ["data_id"] = f.DataId }
                : new JsonObject { ["source"] = f.Source, ["file_url"] = f.FileUrl, ["icon_url"] = "https://app.nimble.com/static/icons/" + f.Source + ".png" },
        };

        // Uploaded files: a short-lived blob link; linked files: their own address.
        private static ServiceResponse DealFileUrl(NimbleCall call)
        {
            var file = FindDealFile(call, out _);
            var url = file.Source == "uploaded_azure"
                ? "https://nimblefiles.blob.core.windows.net/deals/" + Uri.EscapeDataString(file.DataId ?? file.Id) + "?sv=sandbox&se=" +
                  Uri.EscapeDataString(NimbleService.Time(DateTimeOffset.UtcNow.AddMinutes(15)))
                : file.FileUrl;
            return ServiceResponse.Json(200, new JsonObject { ["url"] = url });
        }

        // Only files uploaded to Nimble can be renamed (the spec's note); a linked file is refused with 406 (the sandbox's choice of answer).
        private static ServiceResponse RenameDealFile(NimbleCall call)
        {
            var file = FindDealFile(call, out var deal);
            var name = NimbleService.Text(call.Json()["new_file_name"])?.Trim();
            if (string.IsNullOrEmpty(name)) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["new_file_name"] = "new_file_name is required." });
            if (file.Source != "uploaded_azure")
            {
                throw new NimbleError(406, new JsonObject { ["message"] = "Only files uploaded to Nimble can be renamed", ["type"] = "file_not_renamable" });
            }
            file.Name = name!;
            deal.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static ServiceResponse DeleteDealFile(NimbleCall call)
        {
            var file = FindDealFile(call, out var deal);
            deal.Files.Remove(file);
            deal.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static ServiceResponse GetDeal(NimbleCall call) => ServiceResponse.Json(200, DealJson(call, FindDeal(call)));

        private static ServiceResponse CreateDeal(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            var pipelineId = NimbleService.Text(body["pipeline_id"]);
            var stageId = NimbleService.Text(body["stage_id"]);
            var missing = new Dictionary<string, string>();
            if (pipelineId == null) missing["pipeline_id"] = "pipeline_id is required.";
            if (stageId == null) missing["stage_id"] = "stage_id is required.";
            if (missing.Count > 0) throw NimbleError.Validation("Validation errors", missing);
            var pipeline = state.Pipeline(pipelineId!) ?? throw NimbleError.NotFound("pipeline", pipelineId!);
            var stage = pipeline.Stages.FirstOrDefault(s => s.Id == stageId && s.ArchivedAt == null) ?? throw NimbleError.NotFound("stage", stageId!);
            var now = DateTimeOffset.UtcNow;
            var deal = new NimbleDealRecord
            {
                Id = state.NewId("deal"), Number = state.NewDealNumber(), PipelineId = pipeline.Id, StageId = stage.Id,
                Currency = NimbleService.Text(body["currency"]) ?? pipeline.DefaultCurrency, OwnerId = NimbleService.Text(body["owner_id"]) ?? state.UserId,
                Created = now, Updated = now,
            };
            ApplyFields(pipeline, deal, body["fields_values"] as JsonObject);
            var errors = new Dictionary<string, string>();
            if (deal.Name.Trim().Length == 0) errors["name"] = "Deal name is required.";
            if (!deal.Fields.ContainsKey("probability") && stage.DefaultProbability == null) errors["probability"] = "Probability is required: the stage has no default probability.";
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors);
            ApplyRelations(call, deal, body);
            deal.Transitions.Add(new NimbleTransition { FromStageId = null, ToStageId = stage.Id, When = now });
            state.Deals.Add(deal);
            return ServiceResponse.Json(200, DealJson(call, deal));
        }

        private static ServiceResponse UpdateDeal(NimbleCall call)
        {
            var state = call.State;
            var deal = FindDeal(call);
            var body = call.Json();
            var pipelineId = NimbleService.Text(body["pipeline_id"]) ?? deal.PipelineId;
            var pipeline = state.Pipeline(pipelineId) ?? throw NimbleError.NotFound("pipeline", pipelineId);
            var stageId = NimbleService.Text(body["stage_id"]) ?? (pipelineId == deal.PipelineId ? deal.StageId : null);
            if (stageId == null) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["stage_id"] = "A stage of the new pipeline is required." });
            var stage = pipeline.Stages.FirstOrDefault(s => s.Id == stageId && s.ArchivedAt == null) ?? throw NimbleError.NotFound("stage", stageId);
            ApplyFields(pipeline, deal, body["fields_values"] as JsonObject);
            if (deal.Name.Trim().Length == 0) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["name"] = "Deal name is required." });
            if (NimbleService.Text(body["currency"]) is string currency) deal.Currency = currency;
            if (NimbleService.Text(body["owner_id"]) is string owner) deal.OwnerId = owner;
            ApplyRelations(call, deal, body);
            if (stage.Id != deal.StageId)
            {
                deal.Transitions.Add(new NimbleTransition { FromStageId = deal.StageId, ToStageId = stage.Id, When = DateTimeOffset.UtcNow });
                deal.PipelineId = pipeline.Id;
                deal.StageId = stage.Id;
            }
            deal.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, DealJson(call, deal));
        }

        private static ServiceResponse CreateDealNote(NimbleCall call)
        {
            var deal = FindDeal(call);
            var body = call.Json();
            var now = DateTimeOffset.UtcNow;
            var note = new NimbleDealNoteRecord { Id = call.State.NewId("note"), DealId = deal.Id, Created = now, Updated = now };
            ApplyNote(note, body, create: true);
            call.State.DealNotes.Add(note);
            return ServiceResponse.Json(201, DealNoteJson(call, note));
        }

        private static ServiceResponse UpdateDealNote(NimbleCall call)
        {
            var note = FindDealNote(call);
            ApplyNote(note, call.Json(), create: false);
            note.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, DealNoteJson(call, note));
        }

        private static ServiceResponse DeleteDealNote(NimbleCall call)
        {
            call.State.DealNotes.Remove(FindDealNote(call));
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static void ApplyNote(NimbleDealNoteRecord note, JsonObject body, bool create)
        {
            var title = NimbleService.Text(body["title"]);
            if (title != null || create)
            {
                if (title == null || title.Trim().Length < 1 || title.Length > 256)
                {
                    throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["title"] = "Length must be between 1 and 256." });
                }
                note.Title = title;
            }
            if (body.ContainsKey("body")) note.Body = NimbleService.Text(body["body"]);
        }

        private static NimbleDealNoteRecord FindDealNote(NimbleCall call)
        {
            var deal = FindDeal(call);
            return call.State.DealNotes.FirstOrDefault(n => n.Id == call.Route["nid"] && n.DealId == deal.Id) ?? throw NimbleError.NotFound("note", call.Route["nid"]);
        }

        private static JsonObject DealNoteJson(NimbleCall call, NimbleDealNoteRecord n) => new JsonObject
        {
            ["note_id"] = n.Id, ["title"] = n.Title, ["body"] = n.Body,
            ["created"] = n.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["updated"] = n.Updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["creator"] = call.Service.UserInfo(),
        };

        private static ServiceResponse DeleteDeal(NimbleCall call)
        {
            call.State.Deals.Remove(FindDeal(call));
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static ServiceResponse ListPipelines(NimbleCall call) =>
            ServiceResponse.Json(200, new JsonObject { ["pipelines"] = new JsonArray(call.State.Pipelines.Select(p => (JsonNode?)PipelineJson(call, p)).ToArray()) });

        private static ServiceResponse GetPipeline(NimbleCall call) => ServiceResponse.Json(200, PipelineJson(call, FindPipeline(call)));

        private static ServiceResponse CreatePipeline(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            var name = (NimbleService.Text(body["name"]) ?? "").Trim();
            var errors = new Dictionary<string, string>();
            if (name.Length < 1 || name.Length > 200) errors["name"] = "Name must have 1 to 200 characters.";
            foreach (var required in new[] { "description", "color", "lost_reasons", "stages", "fields_tab_members", "default_currency" })
            {
                if (body[required] == null) errors[required] = "Missing data for required field.";
            }
            if (state.Pipelines.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) errors["name"] = "A pipeline with this name already exists.";
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors);
            var now = DateTimeOffset.UtcNow;
            var pipeline = new NimblePipelineRecord
            {
                Id = state.NewId("pipeline"), Name = name, Description = NimbleService.Text(body["description"]), Color = NimbleService.Text(body["color"]) ?? "#4A90E2",
                DefaultCurrency = NimbleService.Text(body["default_currency"]) ?? "USD", Created = now, Updated = now,
            };
            foreach (var reason in NimbleService.StringList(body["lost_reasons"], "lost_reasons")) pipeline.LostReasons.Add(new KeyValuePair<string, string>(state.NewId("stage"), reason));
            if (body["stages"] is JsonArray stages)
            {
                foreach (var s in stages.OfType<JsonObject>()) pipeline.Stages.Add(NewStage(state, pipeline, s));
            }
            state.Pipelines.Add(pipeline);
            return ServiceResponse.Json(201, PipelineJson(call, pipeline));
        }

        private static ServiceResponse UpdatePipeline(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var body = call.Json();
            if (NimbleService.Text(body["name"]) is string name)
            {
                name = name.Trim();
                if (name.Length < 1 || name.Length > 200) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["name"] = "Name must have 1 to 200 characters." });
                pipeline.Name = name;
            }
            if (body.ContainsKey("description")) pipeline.Description = NimbleService.Text(body["description"]);
            if (NimbleService.Text(body["color"]) is string color) pipeline.Color = color;
            pipeline.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, PipelineJson(call, pipeline));
        }

        private static ServiceResponse DeletePipeline(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            call.State.Deals.RemoveAll(d => d.PipelineId == pipeline.Id);
            call.State.Pipelines.Remove(pipeline);
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static ServiceResponse Archive(NimbleCall call, bool archive)
        {
            var pipeline = FindPipeline(call);
            pipeline.ArchivedAt = archive ? DateTimeOffset.UtcNow : (DateTimeOffset?)null;
            return ServiceResponse.Json(200, new JsonObject());
        }

        // 406 when the pipeline is archived or already has the reason; 201 with the pipeline.
        private static ServiceResponse AddLostReason(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var reason = NimbleService.Text(call.Json()["reason"])?.Trim();
            if (string.IsNullOrEmpty(reason)) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["reason"] = "reason is required." });
            if (reason!.Length > 256) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["reason"] = "At most 256 characters." });
            if (pipeline.ArchivedAt != null)
            {
                throw new NimbleError(406, new JsonObject { ["message"] = "The pipeline is archived", ["error_type"] = "pipeline_archived" });
            }
            if (pipeline.LostReasons.Any(r => string.Equals(r.Value, reason, StringComparison.OrdinalIgnoreCase)))
            {
                throw new NimbleError(406, new JsonObject { ["message"] = $"The pipeline already has the lost reason '{reason}'", ["error_type"] = "lost_reason_exists" });
            }
            pipeline.LostReasons.Add(new KeyValuePair<string, string>(call.State.NewId("stage"), reason));
            return ServiceResponse.Json(201, PipelineJson(call, pipeline));
        }

        private static ServiceResponse CreateStage(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var body = call.Json();
            var stage = NewStage(call.State, pipeline, body);
            var after = NimbleService.Text(body["insert_after"]);
            var index = after == null ? pipeline.Stages.Count : pipeline.Stages.FindIndex(s => s.Id == after) + 1;
            if (after != null && index == 0) throw NimbleError.NotFound("stage", after);
            pipeline.Stages.Insert(index, stage);
            pipeline.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(201, PipelineJson(call, pipeline));
        }

        private static ServiceResponse UpdateStage(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var stage = FindStage(call, pipeline);
            var body = call.Json();
            if (NimbleService.Text(body["name"]) is string name) stage.Name = name.Trim();
            if (body.ContainsKey("description")) stage.Description = NimbleService.Text(body["description"]);
            if (body["default_probability"] != null) stage.DefaultProbability = Probability(body["default_probability"]);
            if (body["expected_days"] is JsonValue days && days.TryGetValue<int>(out var d)) stage.ExpectedDays = d;
            stage.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, PipelineJson(call, pipeline));
        }

        private static ServiceResponse ArchiveStage(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            FindStage(call, pipeline).ArchivedAt = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, new JsonObject());
        }

        // Each stage's first `limit` deals, with a next_page_url (an offset) while more remain.
        private static ServiceResponse DealsByStage(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var order = Sorter(call.Query("sort") ?? throw NimbleError.Validation("sort is required (field:order)."));
            var limit = call.IntQuery("limit", 10, 1, 100);
            var offset = call.IntQuery("offset", 0, 0, int.MaxValue);
            var stageId = call.Query("stage_id");
            var stages = pipeline.Stages.Where(s => s.ArchivedAt == null && (stageId == null || s.Id == stageId)).ToList();
            if (stageId != null && stages.Count == 0) throw NimbleError.NotFound("stage", stageId);
            var groups = new JsonArray();
            foreach (var stage in stages)
            {
                var deals = order(call.State.Deals.Where(d => d.StageId == stage.Id)).ToList();
                var pageDeals = deals.Skip(offset).Take(limit).ToList();
                string? next = null;
                if (offset + limit < deals.Count)
                {
                    next = new Uri(call.State.AccountUri, $"api/v2/deals/pipelines/{pipeline.Id}/deals?sort={Uri.EscapeDataString(call.Query("sort")!)}&limit={limit}" +
                                                         $"&stage_id={stage.Id}&offset={offset + limit}").AbsoluteUri;
                }
                groups.Add(new JsonObject
                {
                    ["stage"] = StageJson(call, stage),
                    ["deals"] = new JsonArray(pageDeals.Select(d => (JsonNode?)DealJson(call, d)).ToArray()),
                    ["meta"] = new JsonObject
                    {
                        ["total_new_count"] = deals.Count(d => d.Created > DateTimeOffset.UtcNow.AddDays(-3)),
                        ["next_page_url"] = next,
                        ["total_amount"] = new JsonArray(deals.GroupBy(d => d.Currency).Select(g => (JsonNode?)new JsonObject
                        {
                            ["currency"] = g.Key, ["count"] = g.Sum(d => Amount(d)),
                        }).ToArray()),
                    },
                });
            }
            return ServiceResponse.Json(200, new JsonObject { ["stages"] = groups });
        }

        // The pipeline's deals grouped by owner, each group paged with its own next-page link (owner_id and offset: the sandbox's).
        private static ServiceResponse DealsByOwner(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var order = Sorter(call.Query("sort") ?? throw NimbleError.Validation("sort is required (field:order)."));
            var limit = call.IntQuery("limit", 10, 1, 100);
            var offset = call.IntQuery("offset", 0, 0, int.MaxValue);
            var ownerId = call.Query("owner_id");
            var groups = new JsonArray();
            foreach (var owner in call.State.Deals.Where(d => d.PipelineId == pipeline.Id).Select(d => d.OwnerId).Distinct().OrderBy(o => o, StringComparer.Ordinal))
            {
                if (ownerId != null && owner != ownerId) continue;
                var deals = order(call.State.Deals.Where(d => d.PipelineId == pipeline.Id && d.OwnerId == owner)).ToList();
                string? next = null;
                if (offset + limit < deals.Count)
                {
                    next = new Uri(call.State.AccountUri, $"api/v2/deals/pipelines/{pipeline.Id}/owners?sort={Uri.EscapeDataString(call.Query("sort")!)}&limit={limit}" +
                                                         $"&owner_id={owner}&offset={offset + limit}").AbsoluteUri;
                }
                groups.Add(new JsonObject
                {
                    ["owner"] = owner == call.State.UserId ? call.Service.UserInfo() : new JsonObject { ["user_id"] = owner },
                    ["deals"] = new JsonArray(deals.Skip(offset).Take(limit).Select(d => (JsonNode?)DealJson(call, d)).ToArray()),
                    ["meta"] = new JsonObject
                    {
                        ["next_page_url"] = next,
                        ["total_amount"] = new JsonArray(deals.GroupBy(d => d.Currency).Select(g => (JsonNode?)new JsonObject
                        {
                            ["currency"] = g.Key, ["count"] = g.Sum(d => Amount(d)),
                        }).ToArray()),
                    },
                });
            }
            return ServiceResponse.Json(200, new JsonObject { ["groups"] = groups });
        }

        private static NimbleStageRecord NewStage(NimbleState state, NimblePipelineRecord pipeline, JsonObject body)
        {
            var name = (NimbleService.Text(body["name"]) ?? "").Trim();
            if (name.Length == 0) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["name"] = "Stage name is required." });
            var now = DateTimeOffset.UtcNow;
            return new NimbleStageRecord
            {
                Id = state.NewId("stage"), PipelineId = pipeline.Id, Name = name, Description = NimbleService.Text(body["description"]),
                DefaultProbability = body["default_probability"] == null ? (int?)null : Probability(body["default_probability"]),
                ExpectedDays = body["expected_days"] is JsonValue days && days.TryGetValue<int>(out var d) ? d : 0, Created = now, Updated = now,
            };
        }

        private static int Probability(JsonNode? node)
        {
            var text = NimbleService.Text(node);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p < 0 || p > 100)
            {
                throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["default_probability"] = "Must be between 0 and 100." });
            }
            return (int)p;
        }

        // fields_values by name or id (standard fields, the pipeline's custom fields, kept under their id); [] removes a field.
        private static void ApplyFields(NimblePipelineRecord pipeline, NimbleDealRecord deal, JsonObject? fields)
        {
            if (fields == null) return;
            var errors = new Dictionary<string, string>();
            foreach (var pair in fields)
            {
                var name = StandardFields.FirstOrDefault(s => FieldId(s) == pair.Key) ?? pair.Key;
                var custom = Array.IndexOf(StandardFields, name) < 0 ? NimblePipelineFieldsApi.CustomField(pipeline, pair.Key) : null;
                if (custom != null) name = custom.Id;
                if (pair.Value is not JsonArray values)
                {
                    errors[custom?.Name ?? name] = "Field values must be a list of {value}.";
                    continue;
                }
                if (values.Count == 0)
                {
                    deal.Fields.Remove(name);
                    continue;
                }
                var value = NimbleService.Text((values[0] as JsonObject)?["value"]);
                if (value == null)
                {
                    errors[custom?.Name ?? name] = "Each value needs a 'value'.";
                    continue;
                }
                if (name == "amount" && (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0))
                {
                    errors[name] = "Amount can be only positive number or 0.";
                }
                else if (name == "probability" && (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p < 0 || p > 100))
                {
                    errors[name] = "Probability must be between 0 and 100.";
                }
                else if (custom?.Check(value) is string invalid)
                {
                    errors[custom.Name] = invalid;
                }
                else if (name == "description" && value.Trim().Length == 0)
                {
                    deal.Fields.Remove(name);
                }
                else
                {
                    deal.Fields[name] = value;
                }
            }
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors, n => CustomFieldId(pipeline, n));
        }

        private static void ApplyRelations(NimbleCall call, NimbleDealRecord deal, JsonObject body)
        {
            if (body["related_contacts"] is JsonArray related)
            {
                deal.RelatedContacts.Clear();
                foreach (var r in related.OfType<JsonObject>())
                {
                    var id = NimbleService.Text(r["contact_id"]) ?? "";
                    if (call.State.Contact(id) == null) throw NimbleError.NotFound("contact", id);
                    deal.RelatedContacts.Add(new KeyValuePair<string, string?>(id, NimbleService.Text(r["note"])));
                }
            }
            if (body["tags"] != null) deal.Tags = NimbleService.StringList(body["tags"], "tags");
        }

        private static Func<IEnumerable<NimbleDealRecord>, IEnumerable<NimbleDealRecord>> Sorter(string sort)
        {
            var colon = sort.LastIndexOf(':');
            if (colon <= 0) throw NimbleError.Validation("sort must be field:order.");
            var field = sort.Substring(0, colon);
            var desc = sort.Substring(colon + 1) switch { "asc" => false, "desc" => true, _ => throw NimbleError.Validation("sort order must be asc or desc.") };
            Func<NimbleDealRecord, IComparable> key = field switch
            {
                "created" => d => d.Created,
                "updated" => d => d.Updated,
                "name" => d => d.Name,
                "amount" => d => Amount(d),
                "deal_number" => d => d.Number,
                _ => throw NimbleError.Validation($"Can't sort deals by '{field}'."),
            };
            return deals => (desc ? deals.OrderByDescending(key) : deals.OrderBy(key)).ThenBy(d => d.Number);
        }

        private static decimal Amount(NimbleDealRecord d) =>
            d.Fields.TryGetValue("amount", out var a) && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : 0m;

        private static JsonObject DealJson(NimbleCall call, NimbleDealRecord d)
        {
            var state = call.State;
            var pipeline = state.Pipeline(d.PipelineId)!;
            var stage = pipeline.Stages.First(s => s.Id == d.StageId);
            var probability = d.Fields.TryGetValue("probability", out var p) ? (int)decimal.Parse(p, CultureInfo.InvariantCulture) : stage.DefaultProbability ?? 0;
            var byId = new JsonObject();
            var byName = new JsonObject();
            foreach (var f in d.Fields)
            {
                var custom = pipeline.FieldsTab.FieldById(f.Key);
                byId[custom?.Id ?? FieldId(f.Key)] = new JsonArray(new JsonObject { ["value"] = f.Value, ["is_primary"] = true });
                byName[custom?.Name ?? f.Key] = new JsonArray(new JsonObject { ["value"] = f.Value, ["is_primary"] = true });
            }
            return new JsonObject
            {
                ["deal_id"] = d.Id,
                ["deal_number"] = d.Number,
                ["created"] = NimbleService.Time(d.Created),
                ["updated"] = NimbleService.Time(d.Updated),
                ["updated_by"] = state.UserId,
                ["creator"] = call.Service.UserInfo(),
                ["owner"] = call.Service.UserInfo(),
                ["currency"] = d.Currency,
                ["privacy"] = new JsonObject { ["read"] = null, ["edit"] = null },
                ["is_editable"] = true,
                ["related_contacts"] = new JsonArray(d.RelatedContacts.Where(r => state.Contact(r.Key) != null).Select(r => (JsonNode?)new JsonObject
                {
                    ["contact"] = NimbleContactsApi.ShortContact(state.Contact(r.Key)!), ["note"] = r.Value, ["employments"] = new JsonArray(),
                }).ToArray()),
                ["related_external_contacts"] = new JsonArray(),
                ["fields_values"] = byId,
                ["fields_values_with_names"] = byName,
                ["stage_transitions"] = new JsonObject
                {
                    ["pipeline_id"] = pipeline.Id,
                    ["pipeline_name"] = pipeline.Name,
                    ["pipeline_color"] = pipeline.Color,
                    ["transitions"] = new JsonArray(d.Transitions.Select(t => (JsonNode?)new JsonObject
                    {
                        ["from_stage"] = t.FromStageId != null && state.Stage(t.FromStageId) is NimbleStageRecord from ? StageJson(call, from) : null,
                        ["to_stage"] = state.Stage(t.ToStageId) is NimbleStageRecord to ? StageJson(call, to) : null,
                        ["who"] = call.Service.UserInfo(),
                        ["when"] = t.When.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["notes"] = null,
                    }).ToArray()),
                },
                ["files"] = new JsonArray(d.Files.Select(f => (JsonNode?)DealFileJson(call, f)).ToArray()),
                ["tags"] = new JsonArray(d.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["final_probability"] = probability,
                ["age_in_days"] = Math.Max(0, (int)(DateTimeOffset.UtcNow - d.Created).TotalDays),
            };
        }

        private static JsonObject PipelineJson(NimbleCall call, NimblePipelineRecord p) => new JsonObject
        {
            ["pipeline_id"] = p.Id,
            ["name"] = p.Name,
            ["description"] = p.Description,
            ["color"] = p.Color,
            ["is_default"] = p.IsDefault,
            ["default_currency"] = p.DefaultCurrency,
            ["created"] = NimbleService.Time(p.Created),
            ["updated"] = NimbleService.Time(p.Updated),
            ["archived_at"] = NimbleService.Time(p.ArchivedAt),
            ["creator"] = call.Service.UserInfo(),
            ["stages"] = new JsonArray(p.Stages.Select(s => (JsonNode?)StageJson(call, s)).ToArray()),
            ["lost_reasons"] = new JsonArray(p.LostReasons.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Key, ["text"] = r.Value }).ToArray()),
            ["tabs"] = new JsonArray(),
        };

        private static JsonObject StageJson(NimbleCall call, NimbleStageRecord s) => new JsonObject
        {
            ["stage_id"] = s.Id,
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["default_probability"] = s.DefaultProbability,
            ["expected_days"] = s.ExpectedDays,
            ["role"] = s.Role == null ? null : new JsonObject { ["name"] = s.Role, ["is_final"] = s.IsFinal },
            ["archived_at"] = NimbleService.Time(s.ArchivedAt),
            ["pipline_id"] = s.PipelineId,
            ["created"] = NimbleService.Time(s.Created),
            ["updated"] = NimbleService.Time(s.Updated),
            ["creator"] = call.Service.UserInfo(),
        };

        // The standard fields' ids; a key that names no field is kept as it was given.
        public static string FieldId(string name) =>
            Array.IndexOf(StandardFields, name) is int i && i >= 0 ? "63760e653af0e748fe4836" + (0x6a + i).ToString("x2", CultureInfo.InvariantCulture) : name;

        private static string CustomFieldId(NimblePipelineRecord pipeline, string name) =>
            pipeline.FieldsTab.FieldByName(name)?.Id ?? NimbleFieldCatalog.StandardIdOf(name);

        private static NimbleDealRecord FindDeal(NimbleCall call) =>
            call.State.Deal(call.Route["id"]) ?? throw NimbleError.NotFound("deal", call.Route["id"]);

        private static NimblePipelineRecord FindPipeline(NimbleCall call) =>
            call.State.Pipeline(call.Route["pid"]) ?? throw NimbleError.NotFound("pipeline", call.Route["pid"]);

        private static NimbleStageRecord FindStage(NimbleCall call, NimblePipelineRecord pipeline) =>
            pipeline.Stages.FirstOrDefault(s => s.Id == call.Route["sid"]) ?? throw NimbleError.NotFound("stage", call.Route["sid"]);
    }
}
