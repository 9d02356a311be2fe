using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>
    /// Deal fields (api/v2/deals/fields) and each pipeline's custom fields tab: fields, their choices and groups,
    /// with insert_after positioning; deletes take {"preflight_checks"} in the body and answer 406 NotAcceptable
    /// when deals use what would go. Deals hold a custom field's value under the field's id.
    /// </summary>
    internal static class NimblePipelineFieldsApi
    {
        // The deal standard fields and their kinds (ids as NimbleDealsApi gives them).
        private static readonly (string Name, string Kind)[] Standard =
        {
            ("name", "string"), ("amount", "number"), ("probability", "number"), ("description", "long_string"), ("expected_close_date", "datetime"),
        };

        public static void Register(NimbleService s)
        {
            s.Map("GET", "api/v2/deals/fields", Metadata);
            s.Map("POST", "api/v2/deals/pipelines/{pid}/fields", CreateField);
            s.Map("PUT", "api/v2/deals/pipelines/{pid}/fields/{fid}", UpdateField);
            s.Map("DELETE", "api/v2/deals/pipelines/{pid}/fields/{fid}", DeleteField);
            s.Map("POST", "api/v2/deals/pipelines/{pid}/fields/{fid}/choices", CreateChoice);
            s.Map("PUT", "api/v2/deals/pipelines/{pid}/fields/{fid}/choices/{cid}", UpdateChoice);
            s.Map("DELETE", "api/v2/deals/pipelines/{pid}/fields/{fid}/choices/{cid}", DeleteChoice);
            s.Map("POST", "api/v2/deals/pipelines/{pid}/groups", CreateGroup);
            s.Map("PUT", "api/v2/deals/pipelines/{pid}/groups/{gid}", UpdateGroup);
            s.Map("DELETE", "api/v2/deals/pipelines/{pid}/groups/{gid}", DeleteGroup);
        }

        /// <summary>The custom field of the pipeline a fields_values key names (by id or by name), or null.</summary>
        public static NimbleFieldDef? CustomField(NimblePipelineRecord pipeline, string key) =>
            pipeline.FieldsTab.FieldById(key) ?? pipeline.FieldsTab.FieldByName(key);

        private static ServiceResponse Metadata(NimbleCall call) => ServiceResponse.Json(200, MetadataJson(call.State));

        // Deals.DealFieldsMetadata.
        private static JsonObject MetadataJson(NimbleState state) => new JsonObject
        {
            ["pipelines_tabs"] = new JsonArray(state.Pipelines.Select(p => (JsonNode?)TabJson(p)).ToArray()),
            ["standard_fields"] = new JsonArray(Standard.Select(s => (JsonNode?)new JsonObject
            {
                ["field_id"] = NimbleDealsApi.FieldId(s.Name), ["field_name"] = s.Name, ["field_type"] = s.Kind, ["modifier"] = "", ["multiples"] = false,
                ["available_actions"] = "view_only",
            }).ToArray()),
        };

        private static JsonObject TabJson(NimblePipelineRecord p) => new JsonObject
        {
            ["tab_id"] = p.FieldsTab.Id,
            ["tab_name"] = p.FieldsTab.Name,
            ["pipeline_id"] = p.Id,
            ["members"] = new JsonArray(p.FieldsTab.Members.Select(m => (JsonNode?)(m is NimbleFieldGroup g
                ? new JsonObject
                {
                    ["type"] = "group", ["group_name"] = g.Name, ["group_id"] = g.Id, ["logo_id"] = g.LogoId,
                    ["fields"] = new JsonArray(g.Fields.Select(f => (JsonNode?)FieldJson(p, f)).ToArray()),
                }
                : FieldJson(p, (NimbleFieldDef)m))).ToArray()),
        };

        // Deals.DealPipelineField; the choices ride inside "field" (IDealField has none) so a client can see them.
        private static JsonObject FieldJson(NimblePipelineRecord p, NimbleFieldDef f)
        {
            var field = new JsonObject
            {
                ["field_id"] = f.Id, ["field_name"] = f.Name, ["field_type"] = f.Kind, ["modifier"] = "", ["multiples"] = f.Multiples, ["available_actions"] = f.Actions,
            };
            if (f.Kind == "choice") field["values"] = NimbleFieldCatalog.ChoicesJson(f);
            return new JsonObject { ["type"] = "field", ["field"] = field, ["pipeline_id"] = p.Id };
        }

        // ---- fields

        private static ServiceResponse CreateField(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var body = call.Json();
            var tab = pipeline.FieldsTab;
            var groupId = NimbleContactFieldsApi.Id(body, "group_id");
            var group = groupId == null ? null : FindGroup(tab, groupId);
            var field = NewField(call.State, pipeline, body);
            NimbleContactFieldsApi.Place(tab, group, field, NimbleContactFieldsApi.Id(body, "insert_after"));
            return ServiceResponse.Json(201, MetadataJson(call.State));
        }

        // Pipeline.CreateDealsPipelineFieldRequest: name, field_type and presentation required (presentation null but for number and datetime).
        private static NimbleFieldDef NewField(NimbleState state, NimblePipelineRecord pipeline, JsonObject body)
        {
            NimbleContactFieldsApi.RequireKeys(body, "name", "field_type", "presentation");
            var name = NimbleContactFieldsApi.Name(body["name"], "name");
            var (kind, choices) = NimbleContactFieldsApi.FieldType(body["field_type"]);
            var presentation = NimbleContactFieldsApi.Presentation(kind, body["presentation"]);
            CheckName(pipeline, name, null);
            return new NimbleFieldDef { Id = state.NewId("field"), Name = name, Kind = kind, Choices = choices, Presentation = presentation };
        }

        // A custom name must not repeat in the pipeline nor shadow a standard deal field (fields_values take names).
        private static void CheckName(NimblePipelineRecord pipeline, string name, NimbleFieldDef? self)
        {
            if (Standard.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))) throw NimbleContactFieldsApi.Invalid("name", $"'{name}' is a standard deal field.");
            if (pipeline.FieldsTab.FieldByName(name) is NimbleFieldDef other && other != self) throw NimbleContactFieldsApi.Invalid("name", $"A field named '{name}' already exists in this pipeline.");
        }

        private static ServiceResponse UpdateField(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var tab = pipeline.FieldsTab;
            var field = FindField(call, pipeline);
            var body = call.Json();
            if (body.ContainsKey("name"))
            {
                var name = NimbleContactFieldsApi.Name(body["name"], "name");
                CheckName(pipeline, name, field);
                field.Name = name;
            }
            if (body["presentation"] != null) field.Presentation = NimbleContactFieldsApi.Presentation(field.Kind, body["presentation"]);
            var current = tab.GroupOf(field);
            var target = current;
            if (body.ContainsKey("group_id"))
            {
                var gid = NimbleContactFieldsApi.Id(body, "group_id");
                target = gid == null ? null : FindGroup(tab, gid);
            }
            if (body.ContainsKey("insert_after") || target != current)
            {
                var after = NimbleContactFieldsApi.Id(body, "insert_after");
                if (after == field.Id) throw NimbleContactFieldsApi.Invalid("insert_after", "A field can't be placed after itself.");
                NimbleContactFieldsApi.CheckAfter(tab, target, after);
                tab.Detach(field);
                NimbleContactFieldsApi.Place(tab, target, field, after);
            }
            return ServiceResponse.Json(200, MetadataJson(call.State));
        }

        private static ServiceResponse DeleteField(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var field = FindField(call, pipeline);
            if (BodyPreflight(call)) ThrowIfUsed(call.State, pipeline, new[] { field });
            RemoveFields(call.State, pipeline, new[] { field });
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- choices

        private static ServiceResponse CreateChoice(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var field = FindField(call, pipeline);
            var body = call.Json();
            NimbleContactFieldsApi.RequireKeys(body, "choice");
            if (body["choice"] is not JsonObject c) throw NimbleContactFieldsApi.Invalid("choice", "choice must be an object {id, value}.");
            var choice = NimbleContactFieldsApi.ReadChoice(field, NimbleService.Text(c["id"]), NimbleService.Text(c["value"]));
            NimbleContactFieldsApi.InsertChoice(field, choice, NimbleContactFieldsApi.Id(body, "insert_after"));
            return ServiceResponse.Json(201, MetadataJson(call.State));
        }

        private static ServiceResponse UpdateChoice(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var field = FindField(call, pipeline);
            var choice = NimbleContactFieldsApi.FindChoice(field, call.Route["cid"]);
            var body = call.Json();
            if (NimbleService.Text(body["value"]) is string value && value != choice.Value)
            {
                if (value.Trim().Length == 0) throw NimbleContactFieldsApi.Invalid("value", "The choice value can't be empty.");
                if (field.Choices.Any(x => x != choice && x.Value == value)) throw NimbleContactFieldsApi.Invalid("value", $"A choice '{value}' already exists.");
                // Deals hold the value's text: they follow the rename.
                foreach (var d in Deals(call.State, pipeline)) if (d.Fields.TryGetValue(field.Id, out var v) && v == choice.Value) d.Fields[field.Id] = value;
                choice.Value = value;
            }
            if (body.ContainsKey("insert_after")) NimbleContactFieldsApi.MoveChoice(field, choice, NimbleContactFieldsApi.Id(body, "insert_after"));
            return ServiceResponse.Json(200, MetadataJson(call.State));
        }

        private static ServiceResponse DeleteChoice(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var field = FindField(call, pipeline);
            var choice = NimbleContactFieldsApi.FindChoice(field, call.Route["cid"]);
            var users = Deals(call.State, pipeline).Where(d => d.Fields.TryGetValue(field.Id, out var v) && v == choice.Value).ToList();
            if (BodyPreflight(call) && users.Count > 0)
            {
                throw NotAcceptable("choice_in_use", $"The choice '{choice.Value}' of '{field.Name}' is used by {users.Count} deal(s).");
            }
            foreach (var d in users) d.Fields.Remove(field.Id);
            field.Choices.Remove(choice);
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- groups

        private static ServiceResponse CreateGroup(NimbleCall call)
        {
            var state = call.State;
            var pipeline = FindPipeline(call);
            var tab = pipeline.FieldsTab;
            var body = call.Json();
            var name = NimbleContactFieldsApi.Name(body["group_name"], "group_name");
            if (tab.Groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) throw NimbleContactFieldsApi.Invalid("group_name", $"A group named '{name}' already exists.");
            var after = NimbleContactFieldsApi.Id(body, "insert_after");
            NimbleContactFieldsApi.CheckAfter(tab, null, after);
            var group = new NimbleFieldGroup { Id = state.NewId("group"), Name = name, LogoId = NimbleService.Text(body["logo_id"]) ?? "" };
            if (body["fields"] != null && body["fields"] is not JsonArray) throw NimbleContactFieldsApi.Invalid("fields", "fields must be a list.");
            // The group's fields come in the order given (an explicit insert_after still places one).
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var node in body["fields"] as JsonArray ?? new JsonArray())
            {
                if (node is not JsonObject f) throw NimbleContactFieldsApi.Invalid("fields", "Each field must be an object.");
                var field = NewField(state, pipeline, f);
                if (!names.Add(field.Name)) throw NimbleContactFieldsApi.Invalid("name", $"A field named '{field.Name}' is given twice.");
                if (NimbleContactFieldsApi.Id(f, "insert_after") is string fieldAfter) NimbleContactFieldsApi.Place(tab, group, field, fieldAfter);
                else group.Fields.Add(field);
            }
            NimbleContactFieldsApi.Place(tab, null, group, after);
            return ServiceResponse.Json(201, MetadataJson(state));
        }

        private static ServiceResponse UpdateGroup(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var tab = pipeline.FieldsTab;
            var group = FindGroup(tab, call.Route["gid"]);
            var body = call.Json();
            if (body.ContainsKey("group_name"))
            {
                var name = NimbleContactFieldsApi.Name(body["group_name"], "group_name");
                if (tab.Groups.Any(g => g != group && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) throw NimbleContactFieldsApi.Invalid("group_name", $"A group named '{name}' already exists.");
                group.Name = name;
            }
            if (body.ContainsKey("logo_id")) group.LogoId = NimbleService.Text(body["logo_id"]) ?? "";
            if (body.ContainsKey("insert_after"))
            {
                var after = NimbleContactFieldsApi.Id(body, "insert_after");
                if (after == group.Id) throw NimbleContactFieldsApi.Invalid("insert_after", "A group can't be placed after itself.");
                NimbleContactFieldsApi.CheckAfter(tab, null, after);
                tab.Members.Remove(group);
                NimbleContactFieldsApi.Place(tab, null, group, after);
            }
            return ServiceResponse.Json(200, MetadataJson(call.State));
        }

        // Deleting a group deletes its fields and their deal values, as on the contacts side.
        private static ServiceResponse DeleteGroup(NimbleCall call)
        {
            var pipeline = FindPipeline(call);
            var group = FindGroup(pipeline.FieldsTab, call.Route["gid"]);
            if (BodyPreflight(call)) ThrowIfUsed(call.State, pipeline, group.Fields);
            RemoveFields(call.State, pipeline, group.Fields.ToList());
            pipeline.FieldsTab.Members.Remove(group);
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- helpers

        /// <summary>{"preflight_checks": true|false} in the body; absent (or no body) is false.</summary>
        private static bool BodyPreflight(NimbleCall call)
        {
            var node = call.Json()["preflight_checks"];
            if (node == null) return false;
            if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
            throw NimbleContactFieldsApi.Invalid("preflight_checks", "Not a valid boolean.");
        }

        // 406 Errors.NotAcceptableError.
        private static NimbleError NotAcceptable(string type, string message) =>
            new NimbleError(406, new JsonObject { ["message"] = message, ["type"] = type });

        private static IEnumerable<NimbleDealRecord> Deals(NimbleState state, NimblePipelineRecord pipeline) => state.Deals.Where(d => d.PipelineId == pipeline.Id);

        private static void ThrowIfUsed(NimbleState state, NimblePipelineRecord pipeline, IEnumerable<NimbleFieldDef> fields)
        {
            foreach (var f in fields)
            {
                var total = Deals(state, pipeline).Count(d => d.Fields.ContainsKey(f.Id));
                if (total > 0) throw NotAcceptable("field_in_use", $"The field '{f.Name}' is used by {total} deal(s).");
            }
        }

        private static void RemoveFields(NimbleState state, NimblePipelineRecord pipeline, IList<NimbleFieldDef> fields)
        {
            foreach (var f in fields)
            {
                foreach (var d in Deals(state, pipeline)) d.Fields.Remove(f.Id);
                pipeline.FieldsTab.Detach(f);
            }
        }

        private static NimblePipelineRecord FindPipeline(NimbleCall call) =>
            call.State.Pipeline(call.Route["pid"]) ?? throw NimbleError.NotFound("pipeline", call.Route["pid"]);

        private static NimbleFieldDef FindField(NimbleCall call, NimblePipelineRecord pipeline) =>
            pipeline.FieldsTab.FieldById(call.Route["fid"]) ?? throw NimbleError.NotFound("field", call.Route["fid"]);

        private static NimbleFieldGroup FindGroup(NimbleFieldTab tab, string id) =>
            tab.Groups.FirstOrDefault(g => g.Id == id) ?? throw NimbleError.NotFound("group", id);
    }
}
