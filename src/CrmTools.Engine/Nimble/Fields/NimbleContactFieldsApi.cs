using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>
    /// Contact fields, groups, tabs and choices: /api/v1/contacts/fields. Writes answer the tab they changed (choice
    /// updates and deletes: every tab); the changed object is read from that answer, with one listing as a fallback
    /// when the answer does not show it.
    /// </summary>
    public sealed class NimbleContactFieldsApi
    {
        private const string Root = "api/v1/contacts/fields";
        private readonly NimbleConnection _connection;

        internal NimbleContactFieldsApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v1/contacts/fields: every tab, group and field.</summary>
        public async Task<NimbleContactFieldLayout> GetLayoutAsync(CancellationToken cancellationToken) =>
            NimbleContactFieldLayout.Read(await SendAsync(new CrmRequest(HttpMethod.Get, Root), "ContactField", cancellationToken).ConfigureAwait(false));

        /// <summary>POST /api/v1/contacts/fields: a custom field in a tab (and group), after <paramref name="insertAfter"/> (null: first).</summary>
        public async Task<NimbleContactField?> CreateFieldAsync(string name, string tabId, string? groupId, NimbleFieldDefinition definition, bool multiple,
            string? insertAfter, CancellationToken cancellationToken)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            var text = NimbleFieldLookup.CheckName(name, "Name");
            var kind = definition.WireKind;
            var body = new JsonObject
            {
                ["name"] = text,
                ["tab_id"] = tabId,
                ["group_id"] = groupId,
                ["field_type"] = definition.FieldTypeJson(),
                // Required by the schema; the kinds without a presentation send an empty one (as the request sample does).
                ["presentation"] = definition.Presentation.ToJson(kind) ?? new JsonObject(),
                ["insert_after"] = insertAfter,
                ["multiples"] = multiple,
            };
            var layout = await WriteAsync(HttpMethod.Post, Root, body, "ContactField", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => NimbleFieldLookup.Same(f.Name, text) && f.TabId == tabId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /api/v1/contacts/fields/{id}: rename, move (tab, group, position) or change how values show.</summary>
        public async Task<NimbleContactField?> UpdateFieldAsync(string fieldId, NimbleContactFieldChange change, CancellationToken cancellationToken)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            var body = new JsonObject();
            if (change.Name != null) body["name"] = NimbleFieldLookup.CheckName(change.Name, "NewName");
            if (change.TabId != null) body["tab_id"] = change.TabId;
            change.GroupId.WriteTo(body, "group_id");
            change.InsertAfter.WriteTo(body, "insert_after");
            if (change.Presentation != null && !change.Presentation.IsEmpty)
            {
                body["presentation"] = change.Presentation.ToJson(NimbleFieldDefinition.NormalizeKind(change.Kind))
                    ?? throw new CrmValidationException("Nimble", "NumberFormat", $"A '{change.Kind}' field has no presentation to change.");
            }
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -Tab, -Group, -NoGroup, -After, -AtStart or a presentation parameter.");
            var layout = await WriteAsync(HttpMethod.Put, Root + "/" + NimbleContactsApi.Escape(fieldId, "Field"), body, "ContactField", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// DELETE /api/v1/contacts/fields/{id}. With <paramref name="deleteValues"/> false the service refuses (406) when
        /// contacts hold values in the field; true deletes the field and those values.
        /// </summary>
        public Task DeleteFieldAsync(string fieldId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Root + "/" + NimbleContactsApi.Escape(fieldId, "Field"), deleteValues, "ContactField", cancellationToken);

        /// <summary>POST /api/v1/contacts/fields/groups.</summary>
        public async Task<NimbleContactFieldGroup?> CreateGroupAsync(string name, string tabId, string? logoId, string? insertAfter, CancellationToken cancellationToken)
        {
            var text = NimbleFieldLookup.CheckName(name, "Name");
            // Every key is required by the schema.
            var body = new JsonObject { ["name"] = text, ["tab_id"] = tabId, ["logo_id"] = logoId ?? string.Empty, ["insert_after"] = insertAfter };
            var layout = await WriteAsync(HttpMethod.Post, Root + "/groups", body, "ContactFieldGroup", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Groups.FirstOrDefault(g => NimbleFieldLookup.Same(g.Name, text) && g.TabId == tabId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /api/v1/contacts/fields/groups/{id}: rename, change the logo, move to another tab or position.</summary>
        public async Task<NimbleContactFieldGroup?> UpdateGroupAsync(string groupId, string? name, string? logoId, string? tabId, NimbleOptionalId insertAfter,
            CancellationToken cancellationToken)
        {
            var body = new JsonObject();
            if (name != null) body["name"] = NimbleFieldLookup.CheckName(name, "NewName");
            if (logoId != null) body["logo_id"] = logoId;
            if (tabId != null) body["tab_id"] = tabId;
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -LogoId, -Tab, -After or -AtStart.");
            var layout = await WriteAsync(HttpMethod.Put, Root + "/groups/" + NimbleContactsApi.Escape(groupId, "Group"), body, "ContactFieldGroup", cancellationToken)
                .ConfigureAwait(false);
            return await PickAsync(layout, l => l.Groups.FirstOrDefault(g => g.GroupId == groupId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /api/v1/contacts/fields/groups/{id}: the group and its fields (406 when used, unless <paramref name="deleteValues"/>).</summary>
        public Task DeleteGroupAsync(string groupId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Root + "/groups/" + NimbleContactsApi.Escape(groupId, "Group"), deleteValues, "ContactFieldGroup", cancellationToken);

        /// <summary>POST /api/v1/contacts/fields/tabs: a tab for persons, companies or both.</summary>
        public async Task<NimbleContactFieldTab?> CreateTabAsync(string name, IReadOnlyList<string> contactTypes, string? insertAfter, CancellationToken cancellationToken)
        {
            var text = NimbleFieldLookup.CheckName(name, "Name");
            var body = new JsonObject
            {
                ["tab_name"] = text,
                ["contact_types"] = new JsonArray(CheckTypes(contactTypes).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["insert_after"] = insertAfter,
            };
            var layout = await WriteAsync(HttpMethod.Post, Root + "/tabs", body, "ContactFieldTab", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Tabs.FirstOrDefault(t => NimbleFieldLookup.Same(t.Name, text)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /api/v1/contacts/fields/tabs/{id}: rename, change the contact types or move.</summary>
        public async Task<NimbleContactFieldTab?> UpdateTabAsync(string tabId, string? name, IReadOnlyList<string>? contactTypes, NimbleOptionalId insertAfter,
            CancellationToken cancellationToken)
        {
            var body = new JsonObject();
            if (name != null) body["tab_name"] = NimbleFieldLookup.CheckName(name, "NewName");
            if (contactTypes != null)
            {
                // The update schema names one contact type where creation takes a list: one type goes as a string.
                var types = CheckTypes(contactTypes);
                body["contact_types"] = types.Count == 1 ? (JsonNode)JsonValue.Create(types[0])! : new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
            }
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -ContactType, -After or -AtStart.");
            var layout = await WriteAsync(HttpMethod.Put, Root + "/tabs/" + NimbleContactsApi.Escape(tabId, "Tab"), body, "ContactFieldTab", cancellationToken)
                .ConfigureAwait(false);
            return await PickAsync(layout, l => l.Tabs.FirstOrDefault(t => t.TabId == tabId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /api/v1/contacts/fields/tabs/{id}: the tab with its groups and fields.</summary>
        public Task DeleteTabAsync(string tabId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Root + "/tabs/" + NimbleContactsApi.Escape(tabId, "Tab"), deleteValues, "ContactFieldTab", cancellationToken);

        /// <summary>POST /api/v1/contacts/fields/{id}/choices: a choice with the id given, after <paramref name="insertAfter"/> (null: first).</summary>
        public async Task<NimbleContactField?> AddChoiceAsync(string fieldId, string choiceId, string value, string? insertAfter, CancellationToken cancellationToken)
        {
            var text = NimbleChoices.Check(new[] { value }, "Value")[0];
            if (string.IsNullOrWhiteSpace(choiceId)) throw new CrmValidationException("Nimble", "ChoiceId", "The choice id is empty.");
            var body = new JsonObject { ["id"] = choiceId, ["value"] = text, ["insert_after"] = insertAfter };
            var layout = await WriteAsync(HttpMethod.Post, Choices(fieldId), body, "ContactFieldChoice", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /api/v1/contacts/fields/{id}/choices/{choice}: a new text and/or position.</summary>
        public async Task<NimbleContactField?> UpdateChoiceAsync(string fieldId, string choiceId, string? value, NimbleOptionalId insertAfter, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["id"] = choiceId };
            if (value != null) body["value"] = NimbleChoices.Check(new[] { value }, "NewValue")[0];
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 1) throw new CrmValidationException("Nimble", "NewValue", "Nothing to change: give -NewValue, -After or -AtStart.");
            var layout = await WriteAsync(HttpMethod.Put, Choices(fieldId) + "/" + NimbleContactsApi.Escape(choiceId, "Choice"), body, "ContactFieldChoice", cancellationToken)
                .ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /api/v1/contacts/fields/{id}/choices/{choice} (406 when contacts hold it, unless <paramref name="deleteValues"/>).</summary>
        public Task DeleteChoiceAsync(string fieldId, string choiceId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Choices(fieldId) + "/" + NimbleContactsApi.Escape(choiceId, "Choice"), deleteValues, "ContactFieldChoice", cancellationToken);

        private static string Choices(string fieldId) => Root + "/" + NimbleContactsApi.Escape(fieldId, "Field") + "/choices";

        private Task DeleteAsync(string path, bool deleteValues, string resource, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, path) { Resource = resource }.AddQuery("preflight_checks", !deleteValues), cancellationToken);

        private async Task<NimbleContactFieldLayout> WriteAsync(HttpMethod method, string path, JsonObject body, string resource, CancellationToken cancellationToken) =>
            NimbleContactFieldLayout.Read(await SendAsync(new CrmRequest(method, path).WithJson(NimbleJson.ToUtf8(body)), resource, cancellationToken).ConfigureAwait(false));

        private Task<JsonElement> SendAsync(CrmRequest request, string resource, CancellationToken cancellationToken)
        {
            request.Resource = resource;
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.JsonElement, cancellationToken);
        }

        // The changed object from the write's answer, else from a fresh listing.
        private async Task<T?> PickAsync<T>(NimbleContactFieldLayout answer, Func<NimbleContactFieldLayout, T?> pick, CancellationToken cancellationToken) where T : class =>
            pick(answer) ?? pick(await GetLayoutAsync(cancellationToken).ConfigureAwait(false));

        private static List<string> CheckTypes(IReadOnlyList<string> types)
        {
            var list = (types ?? Array.Empty<string>()).Select(t => t?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
            if (list.Count == 0) throw new CrmValidationException("Nimble", "ContactType", "Give at least one contact type: person, company.");
            var bad = list.FirstOrDefault(t => t != "person" && t != "company");
            if (bad != null) throw new CrmValidationException("Nimble", "ContactType", $"'{bad}' is not a contact type: use person or company.");
            return list;
        }
    }

    /// <summary>A change to a contact field; unset members stay as they are.</summary>
    public sealed class NimbleContactFieldChange
    {
        public string? Name { get; set; }
        public string? TabId { get; set; }

        /// <summary>Move into a group, or out of any group (<see cref="NimbleOptionalId.Null"/>).</summary>
        public NimbleOptionalId GroupId { get; set; }

        public NimbleOptionalId InsertAfter { get; set; }

        /// <summary>The field's kind: the presentation must match it.</summary>
        public string? Kind { get; set; }

        public NimbleFieldPresentation? Presentation { get; set; }
    }

    /// <summary>An id in a change: left out (unset), sent as null (first position, no group), or sent as given.</summary>
    public readonly struct NimbleOptionalId
    {
        private NimbleOptionalId(bool isSet, string? id)
        {
            IsSet = isSet;
            Id = id;
        }

        public static NimbleOptionalId Unset => default;

        public static NimbleOptionalId Null => new NimbleOptionalId(true, null);

        public bool IsSet { get; }
        public string? Id { get; }

        public static NimbleOptionalId Of(string id) => new NimbleOptionalId(true, id);

        internal void WriteTo(JsonObject body, string name)
        {
            if (IsSet) body[name] = Id;
        }
    }
}
