using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>
    /// Contact fields management (api/v1/contacts/fields): tabs, groups, fields and choices of the account's
    /// catalog, with insert_after positioning and preflight checks on deletes. Standard members (the "Info" tab)
    /// only rearrange; "lead status" takes choice edits. The request readers here are shared with the pipeline fields.
    /// </summary>
    internal static class NimbleContactFieldsApi
    {
        public static readonly string[] Kinds = { "string", "long_string", "choice", "number", "datetime", "boolean", "address", "user" };

        public static void Register(NimbleService s)
        {
            s.Map("GET", "api/v1/contacts/fields", List);
            s.Map("POST", "api/v1/contacts/fields", CreateField);
            s.Map("PUT", "api/v1/contacts/fields/{fid}", UpdateField);
            s.Map("DELETE", "api/v1/contacts/fields/{fid}", DeleteField);
            s.Map("POST", "api/v1/contacts/fields/groups", CreateGroup);
            s.Map("PUT", "api/v1/contacts/fields/groups/{gid}", UpdateGroup);
            s.Map("DELETE", "api/v1/contacts/fields/groups/{gid}", DeleteGroup);
            s.Map("POST", "api/v1/contacts/fields/tabs", CreateTab);
            s.Map("PUT", "api/v1/contacts/fields/tabs/{tid}", UpdateTab);
            s.Map("DELETE", "api/v1/contacts/fields/tabs/{tid}", DeleteTab);
            s.Map("POST", "api/v1/contacts/fields/{fid}/choices", CreateChoice);
            s.Map("PUT", "api/v1/contacts/fields/{fid}/choices/{cid}", UpdateChoice);
            s.Map("DELETE", "api/v1/contacts/fields/{fid}/choices/{cid}", DeleteChoice);
        }

        private static ServiceResponse List(NimbleCall call) => ServiceResponse.Json(200, NimbleFieldCatalog.AllTabsJson(call.State.FieldCatalog));

        private static ServiceResponse Tab(NimbleFieldTab tab) => ServiceResponse.Json(200, NimbleFieldCatalog.ContactTabJson(tab));

        // ---- fields

        private static ServiceResponse CreateField(NimbleCall call)
        {
            var catalog = call.State.FieldCatalog;
            var body = call.Json();
            RequireKeys(body, "name", "tab_id", "group_id", "field_type", "presentation", "insert_after");
            var name = Name(body["name"], "name");
            var (kind, choices) = FieldType(body["field_type"]);
            var presentation = Presentation(kind, body["presentation"]);
            CheckFieldName(catalog, name, null);
            var tab = FindTab(catalog, Id(body, "tab_id") ?? throw Invalid("tab_id", "tab_id is required."));
            var groupId = Id(body, "group_id");
            var group = groupId == null ? null : tab.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw NimbleError.NotFound("group", groupId);
            var field = new NimbleFieldDef
            {
                Id = call.State.NewId("field"), Name = name, Kind = kind, Choices = choices, Presentation = presentation,
                Multiples = body["multiples"] is JsonValue m && m.TryGetValue<bool>(out var multiples) && multiples,
            };
            Place(tab, group, field, Id(body, "insert_after"));
            return Tab(tab);
        }

        private static ServiceResponse UpdateField(NimbleCall call)
        {
            var state = call.State;
            var field = FindField(state, call.Route["fid"]);
            var tab = state.FieldCatalog.TabOf(field)!;
            var body = call.Json();
            if (body.ContainsKey("name"))
            {
                var name = Name(body["name"], "name");
                if (name != field.Name)
                {
                    if (field.Actions != "edit_all") throw Refused(field, $"The standard field '{field.Name}' can't be renamed.");
                    CheckFieldName(state.FieldCatalog, name, field);
                    foreach (var c in state.Contacts) RenameKey(c, field.Name, name);
                    field.Name = name;
                }
            }
            if (body.ContainsKey("presentation") && body["presentation"] != null)
            {
                if (field.Actions != "edit_all") throw Refused(field, $"The presentation of the standard field '{field.Name}' can't be changed.");
                field.Presentation = Presentation(field.Kind, body["presentation"]);
            }
            var targetTab = body.ContainsKey("tab_id") ? FindTab(state.FieldCatalog, Id(body, "tab_id") ?? tab.Id) : tab;
            if (targetTab != tab && field.Standard) throw Refused(field, $"The standard field '{field.Name}' can't leave its tab.");
            var currentGroup = tab.GroupOf(field);
            NimbleFieldGroup? targetGroup;
            if (body.ContainsKey("group_id"))
            {
                var gid = Id(body, "group_id");
                targetGroup = gid == null ? null : targetTab.Groups.FirstOrDefault(g => g.Id == gid) ?? throw NimbleError.NotFound("group", gid);
            }
            else targetGroup = targetTab == tab ? currentGroup : null;
            if (body.ContainsKey("insert_after") || targetTab != tab || targetGroup != currentGroup)
            {
                var after = Id(body, "insert_after");
                if (after == field.Id) throw Invalid("insert_after", "A field can't be placed after itself.");
                CheckAfter(targetTab, targetGroup, after);
                tab.Detach(field);
                Place(targetTab, targetGroup, field, after);
            }
            return Tab(targetTab);
        }

        private static ServiceResponse DeleteField(NimbleCall call)
        {
            var state = call.State;
            var field = FindField(state, call.Route["fid"]);
            var preflight = QueryPreflight(call);
            if (field.Standard) throw Refused(field, $"The standard field '{field.Name}' can't be deleted.");
            if (preflight) ThrowIfUsed(state, new[] { field });
            RemoveFields(state, new[] { field });
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- groups

        private static ServiceResponse CreateGroup(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            RequireKeys(body, "name", "tab_id", "logo_id", "insert_after");
            var name = Name(body["name"], "name");
            var tab = FindTab(state.FieldCatalog, Id(body, "tab_id") ?? throw Invalid("tab_id", "tab_id is required."));
            if (tab.Groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) throw Invalid("name", $"A group named '{name}' already exists in this tab.");
            var group = new NimbleFieldGroup { Id = state.NewId("group"), Name = name, LogoId = NimbleService.Text(body["logo_id"]) ?? "" };
            Place(tab, null, group, Id(body, "insert_after"));
            return Tab(tab);
        }

        private static ServiceResponse UpdateGroup(NimbleCall call)
        {
            var catalog = call.State.FieldCatalog;
            var gid = call.Route["gid"];
            var group = catalog.GroupById(gid) ?? throw NimbleError.NotFound("group", gid);
            var tab = catalog.TabOfGroup(group)!;
            var body = call.Json();
            if (body.ContainsKey("name"))
            {
                var name = Name(body["name"], "name");
                if (name != group.Name)
                {
                    if (group.Standard) throw Invalid("name", $"The standard group '{group.Name}' can't be renamed.");
                    if (tab.Groups.Any(g => g != group && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) throw Invalid("name", $"A group named '{name}' already exists in this tab.");
                    group.Name = name;
                }
            }
            if (body.ContainsKey("logo_id")) group.LogoId = NimbleService.Text(body["logo_id"]) ?? "";
            var target = body.ContainsKey("tab_id") ? FindTab(catalog, Id(body, "tab_id") ?? tab.Id) : tab;
            if (target != tab && group.Standard) throw Invalid("tab_id", $"The standard group '{group.Name}' can't leave its tab.");
            if (body.ContainsKey("insert_after") || target != tab)
            {
                var after = Id(body, "insert_after");
                if (after == group.Id) throw Invalid("insert_after", "A group can't be placed after itself.");
                CheckAfter(target, null, after);
                tab.Members.Remove(group);
                Place(target, null, group, after);
            }
            return Tab(target);
        }

        private static ServiceResponse DeleteGroup(NimbleCall call)
        {
            var state = call.State;
            var gid = call.Route["gid"];
            var group = state.FieldCatalog.GroupById(gid) ?? throw NimbleError.NotFound("group", gid);
            var preflight = QueryPreflight(call);
            if (group.Standard) throw Invalid("group_id", $"The standard group '{group.Name}' can't be deleted.");
            if (preflight) ThrowIfUsed(state, group.Fields);
            RemoveFields(state, group.Fields.ToList());
            state.FieldCatalog.TabOfGroup(group)!.Members.Remove(group);
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- tabs

        private static ServiceResponse CreateTab(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            RequireKeys(body, "tab_name", "contact_types", "insert_after");
            var name = Name(body["tab_name"], "tab_name");
            if (state.FieldCatalog.Tabs.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))) throw Invalid("tab_name", $"A tab named '{name}' already exists.");
            var tab = new NimbleFieldTab { Id = state.NewId("tab"), Name = name, ContactTypes = ContactTypes(body["contact_types"]) };
            PlaceTab(state.FieldCatalog, tab, Id(body, "insert_after"));
            return Tab(tab);
        }

        private static ServiceResponse UpdateTab(NimbleCall call)
        {
            var catalog = call.State.FieldCatalog;
            var tab = FindTab(catalog, call.Route["tid"]);
            var body = call.Json();
            if (body.ContainsKey("tab_name"))
            {
                var name = Name(body["tab_name"], "tab_name");
                if (name != tab.Name)
                {
                    if (tab.Standard) throw Invalid("tab_name", $"The standard tab '{tab.Name}' can't be renamed.");
                    if (catalog.Tabs.Any(t => t != tab && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))) throw Invalid("tab_name", $"A tab named '{name}' already exists.");
                    tab.Name = name;
                }
            }
            if (body.ContainsKey("contact_types"))
            {
                var types = ContactTypes(body["contact_types"]);
                if (!types.SequenceEqual(tab.ContactTypes))
                {
                    if (tab.Standard) throw Invalid("contact_types", $"The contact types of the standard tab '{tab.Name}' can't be changed.");
                    tab.ContactTypes = types;
                }
            }
            if (body.ContainsKey("insert_after"))
            {
                var after = Id(body, "insert_after");
                if (after == tab.Id) throw Invalid("insert_after", "A tab can't be placed after itself.");
                if (after != null && !catalog.Tabs.Any(t => t.Id == after)) throw Invalid("insert_after", $"No tab with id '{after}'.");
                catalog.Tabs.Remove(tab);
                PlaceTab(catalog, tab, after);
            }
            return Tab(tab);
        }

        private static ServiceResponse DeleteTab(NimbleCall call)
        {
            var state = call.State;
            var tab = FindTab(state.FieldCatalog, call.Route["tid"]);
            var preflight = QueryPreflight(call);
            if (tab.Standard) throw Invalid("tab_id", $"The standard tab '{tab.Name}' can't be deleted.");
            var fields = tab.AllFields.ToList();
            if (preflight) ThrowIfUsed(state, fields);
            RemoveFields(state, fields);
            state.FieldCatalog.Tabs.Remove(tab);
            return ServiceResponse.Json(200, new JsonObject());
        }

        // ---- choices

        private static ServiceResponse CreateChoice(NimbleCall call)
        {
            var state = call.State;
            var field = FindField(state, call.Route["fid"]);
            var body = call.Json();
            RequireKeys(body, "id", "value", "insert_after");
            var choice = ReadChoice(field, NimbleService.Text(body["id"]), NimbleService.Text(body["value"]));
            InsertChoice(field, choice, Id(body, "insert_after"));
            return Tab(state.FieldCatalog.TabOf(field)!);
        }

        private static ServiceResponse UpdateChoice(NimbleCall call)
        {
            var state = call.State;
            var field = FindField(state, call.Route["fid"]);
            var choice = FindChoice(field, call.Route["cid"]);
            var body = call.Json();
            RequireKeys(body, "id");
            var id = NimbleService.Text(body["id"]);
            if (string.IsNullOrEmpty(id)) throw Invalid("id", "The choice id can't be empty.");
            if (id != choice.Id && field.Choices.Any(c => c.Id == id)) throw Invalid("id", $"A choice with id '{id}' already exists.");
            if (body.ContainsKey("value") && NimbleService.Text(body["value"]) is string value && value != choice.Value)
            {
                if (value.Trim().Length == 0) throw Invalid("value", "The choice value can't be empty.");
                if (field.Choices.Any(c => c != choice && c.Value == value)) throw Invalid("value", $"A choice '{value}' already exists.");
                // Contacts hold the value's text: they follow the rename.
                foreach (var c in state.Contacts)
                {
                    var values = c.Get(field.Name);
                    if (values == null) continue;
                    c.Set(field.Name, values.Select(v => v.Value == choice.Value ? new NimbleValue(value, v.Modifier) : v).ToList());
                }
                choice.Value = value;
            }
            choice.Id = id!;
            if (body.ContainsKey("insert_after")) MoveChoice(field, choice, Id(body, "insert_after"));
            return ServiceResponse.Json(200, NimbleFieldCatalog.AllTabsJson(state.FieldCatalog));
        }

        private static ServiceResponse DeleteChoice(NimbleCall call)
        {
            var state = call.State;
            var field = FindField(state, call.Route["fid"]);
            var choice = FindChoice(field, call.Route["cid"]);
            var preflight = QueryPreflight(call);
            if (field.Actions == "view_only") throw Refused(field, $"The choices of the standard field '{field.Name}' can't be changed.");
            var users = state.Contacts.Where(c => c.Get(field.Name)?.Any(v => v.Value == choice.Value) == true).ToList();
            if (preflight && users.Count > 0)
            {
                throw InUse(new[] { PreflightError("choice_in_use", $"The choice '{choice.Value}' of '{field.Name}' is used by {users.Count} contact(s).", users.Count,
                    new JsonObject { [field.Name] = new JsonObject { ["is"] = choice.Value } }) });
            }
            foreach (var c in users) c.Set(field.Name, c.Get(field.Name)!.Where(v => v.Value != choice.Value).ToList());
            field.Choices.Remove(choice);
            return ServiceResponse.Json(200, NimbleFieldCatalog.AllTabsJson(state.FieldCatalog));
        }

        // ---- shared with the pipeline fields

        /// <summary>A choice to add: the id is the client's ("1", "2"... when it gives none); neither id nor value may repeat.</summary>
        public static NimbleChoice ReadChoice(NimbleFieldDef field, string? id, string? value)
        {
            if (field.Kind != "choice") throw Invalid("field_id", $"The field '{field.Name}' is not a choice field.");
            if (field.Actions == "view_only") throw Refused(field, $"The choices of the standard field '{field.Name}' can't be changed.");
            if (string.IsNullOrWhiteSpace(value)) throw Invalid("value", "The choice value can't be empty.");
            if (field.Choices.Any(c => c.Value == value)) throw Invalid("value", $"A choice '{value}' already exists.");
            if (id != null && id.Length == 0) throw Invalid("id", "The choice id can't be empty.");
            if (id != null && field.Choices.Any(c => c.Id == id)) throw Invalid("id", $"A choice with id '{id}' already exists.");
            return new NimbleChoice { Id = id ?? NextChoiceId(field.Choices), Value = value! };
        }

        public static void InsertChoice(NimbleFieldDef field, NimbleChoice choice, string? after)
        {
            if (!NimbleFieldCatalog.InsertAfter(field.Choices, choice, after, c => c.Id)) throw Invalid("insert_after", $"No choice with id '{after}'.");
        }

        public static void MoveChoice(NimbleFieldDef field, NimbleChoice choice, string? after)
        {
            if (after == choice.Id) throw Invalid("insert_after", "A choice can't be placed after itself.");
            if (after != null && !field.Choices.Any(c => c.Id == after)) throw Invalid("insert_after", $"No choice with id '{after}'.");
            field.Choices.Remove(choice);
            InsertChoice(field, choice, after);
        }

        public static NimbleChoice FindChoice(NimbleFieldDef field, string id) =>
            field.Choices.FirstOrDefault(c => c.Id == id) ?? throw NimbleError.NotFound("choice", id);

        private static string NextChoiceId(List<NimbleChoice> choices)
        {
            var n = choices.Count + 1;
            while (choices.Any(c => c.Id == n.ToString(System.Globalization.CultureInfo.InvariantCulture))) n++;
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>409/245 with one per-key error; request keys are not fields, so their field_id is the placeholder.</summary>
        public static NimbleError Invalid(string key, string message) =>
            NimbleError.Validation("Validation errors", new Dictionary<string, string> { [key] = message }, _ => NimbleFieldCatalog.PlaceholderId);

        // A refusal on a standard field: 409/245, the error under the field's name with its id.
        private static NimbleError Refused(NimbleFieldDef field, string message) =>
            NimbleError.Validation(message, new Dictionary<string, string> { [field.Name] = message }, _ => field.Id);

        public static void RequireKeys(JsonObject body, params string[] keys)
        {
            var missing = keys.Where(k => !body.ContainsKey(k)).ToDictionary(k => k, _ => "Missing data for required field.");
            if (missing.Count > 0) throw NimbleError.Validation("Validation errors", missing, _ => NimbleFieldCatalog.PlaceholderId);
        }

        /// <summary>A name of 1 to 50 characters.</summary>
        public static string Name(JsonNode? node, string key)
        {
            var name = (node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Trim();
            if (name.Length < 1 || name.Length > 50) throw Invalid(key, "Length must be between 1 and 50.");
            return name;
        }

        /// <summary>An id or null; anything else is refused.</summary>
        public static string? Id(JsonObject body, string key)
        {
            var node = body[key];
            if (node == null) return null;
            if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
            throw Invalid(key, "Must be a string or null.");
        }

        /// <summary>field_type {field_kind, values}: the kind and, for a choice field, its initial choices.</summary>
        public static (string Kind, List<NimbleChoice> Choices) FieldType(JsonNode? node)
        {
            if (node is not JsonObject type) throw Invalid("field_type", "field_type must be an object with field_kind.");
            var kind = NimbleService.Text(type["field_kind"]);
            if (kind == null || !Kinds.Contains(kind)) throw Invalid("field_type", $"field_kind must be one of {string.Join(", ", Kinds)}.");
            var choices = new List<NimbleChoice>();
            if (kind != "choice") return (kind, choices);
            // Commons.PossibleValues {ordering_type, values: [{id, value}]}; a bare list is taken too.
            var values = type["values"] is JsonObject possible ? possible["values"] : type["values"];
            if (values == null) return (kind, choices);
            if (values is not JsonArray list) throw Invalid("field_type", "values.values must be a list of {id, value}.");
            var probe = new NimbleFieldDef { Kind = "choice", Name = "field_type", Choices = choices };
            foreach (var item in list)
            {
                var choice = item is JsonObject o ? ReadChoice(probe, NimbleService.Text(o["id"]), NimbleService.Text(o["value"])) : ReadChoice(probe, null, NimbleService.Text(item));
                choices.Add(choice);
            }
            return (kind, choices);
        }

        /// <summary>
        /// Fields.FieldPresentation: a number needs number_type (decimal and percentage with fraction_digits &gt;= 1,
        /// financial with a currency key), a datetime date_format and ignore_specific_time; the other kinds none.
        /// </summary>
        public static JsonObject Presentation(string kind, JsonNode? node)
        {
            var p = node as JsonObject;
            if (node != null && p == null) throw Invalid("presentation", "presentation must be an object or null.");
            if (kind == "number")
            {
                var numberType = NimbleService.Text(p?["number_type"]);
                if (numberType != "integer" && numberType != "decimal" && numberType != "percentage" && numberType != "financial")
                {
                    throw Invalid("presentation", "A number field needs presentation.number_type: integer, decimal, percentage or financial.");
                }
                if ((numberType == "decimal" || numberType == "percentage") && !(p!["fraction_digits"] is JsonValue fd && fd.TryGetValue<int>(out var digits) && digits >= 1))
                {
                    throw Invalid("presentation", "fraction_digits must be an integer of at least 1.");
                }
                if (numberType == "financial" && !p!.ContainsKey("currency")) throw Invalid("presentation", "A financial number needs a currency (or null).");
                return (JsonObject)p!.DeepClone();
            }
            if (kind == "datetime")
            {
                if (p == null || !p.ContainsKey("date_format") || !p.ContainsKey("ignore_specific_time"))
                {
                    throw Invalid("presentation", "A datetime field needs presentation.date_format and presentation.ignore_specific_time.");
                }
                if (p["date_format"] != null && p["ignore_specific_time"] != null) throw Invalid("presentation", "ignore_specific_time must be null when date_format is given.");
                return (JsonObject)p.DeepClone();
            }
            if (p != null && p.Count > 0) throw Invalid("presentation", $"There is no presentation for {kind} fields.");
            return new JsonObject();
        }

        /// <summary>preflight_checks=true|false, required.</summary>
        private static bool QueryPreflight(NimbleCall call)
        {
            var text = call.Query("preflight_checks");
            if (text == null) throw Invalid("preflight_checks", "Missing data for required field.");
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1") return true;
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0") return false;
            throw Invalid("preflight_checks", "Not a valid boolean.");
        }

        // 406 Errors.PreflightCheckFailures.
        private static NimbleError InUse(IEnumerable<JsonObject> errors) =>
            new NimbleError(406, new JsonObject { ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)e).ToArray()) });

        private static JsonObject PreflightError(string type, string message, int total, JsonObject query) =>
            new JsonObject { ["type"] = type, ["message"] = message, ["total"] = total, ["nse_query"] = query };

        private static void ThrowIfUsed(NimbleState state, IEnumerable<NimbleFieldDef> fields)
        {
            var errors = new List<JsonObject>();
            foreach (var f in fields)
            {
                var total = state.Contacts.Count(c => c.Get(f.Name)?.Count > 0);
                if (total == 0) continue;
                errors.Add(PreflightError("field_in_use", $"The field '{f.Name}' has values on {total} contact(s).", total,
                    new JsonObject { [f.Name] = new JsonObject { ["is_empty"] = false } }));
            }
            if (errors.Count > 0) throw InUse(errors);
        }

        // The fields leave the catalog and their values leave every contact.
        private static void RemoveFields(NimbleState state, IList<NimbleFieldDef> fields)
        {
            foreach (var f in fields)
            {
                foreach (var c in state.Contacts) c.Set(f.Name, new List<NimbleValue>());
                state.FieldCatalog.TabOf(f)?.Detach(f);
            }
        }

        // Contacts keep values by field name: a name must be unique and not one the contact search reserves.
        private static void CheckFieldName(NimbleFieldCatalog catalog, string name, NimbleFieldDef? self)
        {
            if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase)) throw Invalid("name", $"'{name}' is reserved.");
            if (catalog.Find(name) is NimbleFieldDef other && other != self) throw Invalid("name", $"A field named '{name}' already exists.");
        }

        private static readonly string[] Reserved = { "tag", "created", "updated", "record type" };

        private static void RenameKey(NimbleContactRecord c, string from, string to)
        {
            for (int i = 0; i < c.Fields.Count; i++)
            {
                if (string.Equals(c.Fields[i].Key, from, StringComparison.OrdinalIgnoreCase)) c.Fields[i] = new KeyValuePair<string, List<NimbleValue>>(to, c.Fields[i].Value);
            }
        }

        private static List<string> ContactTypes(JsonNode? node)
        {
            // POST sends a list, PUT's schema a single Contacts.ContactType: both are taken.
            var types = node is JsonArray ? NimbleService.StringList(node, "contact_types") : NimbleService.Text(node) is string one ? new List<string> { one } : new List<string>();
            if (types.Count == 0 || types.Any(t => t != "person" && t != "company")) throw Invalid("contact_types", "contact_types must be person and/or company.");
            return types.Distinct().ToList();
        }

        private static NimbleFieldTab FindTab(NimbleFieldCatalog catalog, string id) =>
            catalog.Tabs.FirstOrDefault(t => t.Id == id) ?? throw NimbleError.NotFound("tab", id);

        private static NimbleFieldDef FindField(NimbleState state, string id) =>
            state.FieldCatalog.FieldById(id) ?? throw NimbleError.NotFound("field", id);

        /// <summary>insert_after names a member of the tab (no group) or a field of the group.</summary>
        public static void CheckAfter(NimbleFieldTab tab, NimbleFieldGroup? group, string? after)
        {
            if (after == null) return;
            var known = group != null ? group.Fields.Any(f => f.Id == after) : tab.Members.Any(m => m.Id == after);
            if (!known) throw Invalid("insert_after", group != null ? $"No field with id '{after}' in the group." : $"No field or group with id '{after}' in the tab.");
        }

        public static void Place(NimbleFieldTab tab, NimbleFieldGroup? group, NimbleFieldMember member, string? after)
        {
            CheckAfter(tab, group, after);
            if (group != null) NimbleFieldCatalog.InsertAfter(group.Fields, (NimbleFieldDef)member, after, f => f.Id);
            else NimbleFieldCatalog.InsertAfter(tab.Members, member, after, m => m.Id);
        }

        private static void PlaceTab(NimbleFieldCatalog catalog, NimbleFieldTab tab, string? after)
        {
            if (!NimbleFieldCatalog.InsertAfter(catalog.Tabs, tab, after, t => t.Id)) throw Invalid("insert_after", $"No tab with id '{after}'.");
        }
    }
}
