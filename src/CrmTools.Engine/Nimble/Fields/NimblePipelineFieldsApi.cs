using System;
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
    /// Deal pipelines' custom fields, their choices and groups: /api/v2/deals/pipelines/{id}/fields and /groups, read
    /// through /api/v2/deals/fields. Every write answers the whole deal fields metadata; deletes of fields and choices
    /// carry their preflight flag in a JSON body (unlike the contact fields' query parameter).
    /// </summary>
    public sealed class NimblePipelineFieldsApi
    {
        /// <summary>Longest field or group name sent (the contact fields' documented limit; pipelines document none).</summary>
        private const int MaxName = 50;

        private readonly NimbleConnection _connection;

        internal NimblePipelineFieldsApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v2/deals/fields: every pipeline's custom fields and the standard deal fields.</summary>
        public async Task<NimblePipelineFieldLayout> GetLayoutAsync(CancellationToken cancellationToken) =>
            NimblePipelineFieldLayout.Read(await SendAsync(new CrmRequest(HttpMethod.Get, "api/v2/deals/fields"), "PipelineField", cancellationToken).ConfigureAwait(false));

        /// <summary>POST .../fields: a custom field (in a group when <paramref name="groupId"/> is given), after <paramref name="insertAfter"/> (null: first).</summary>
        public async Task<NimblePipelineField?> CreateFieldAsync(string pipelineId, string name, string? groupId, NimbleFieldDefinition definition, string? insertAfter,
            CancellationToken cancellationToken)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            var text = NimbleFieldLookup.CheckName(name, "Name", MaxName);
            var body = new JsonObject
            {
                ["name"] = text,
                ["field_type"] = definition.FieldTypeJson(),
                ["presentation"] = definition.Presentation.ToJson(definition.WireKind),
                ["pipeline_id"] = pipelineId,
                ["insert_after"] = insertAfter,
            };
            if (groupId != null) body["group_id"] = groupId;
            var layout = await WriteAsync(HttpMethod.Post, Fields(pipelineId), body, "PipelineField", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.PipelineId == pipelineId && NimbleFieldLookup.Same(f.Name, text)), cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>PUT .../fields/{id}: rename, move (group, position) or change how values show (<paramref name="kind"/> is the field's kind).</summary>
        public async Task<NimblePipelineField?> UpdateFieldAsync(string pipelineId, string fieldId, string? name, string? kind, NimbleFieldPresentation? presentation,
            NimbleOptionalId groupId, NimbleOptionalId insertAfter, CancellationToken cancellationToken)
        {
            var body = new JsonObject();
            if (name != null) body["name"] = NimbleFieldLookup.CheckName(name, "NewName", MaxName);
            if (presentation != null && !presentation.IsEmpty)
            {
                body["presentation"] = presentation.ToJson(NimbleFieldDefinition.NormalizeKind(kind))
                    ?? throw new CrmValidationException("Nimble", "NumberFormat", $"A '{kind}' field has no presentation to change.");
            }
            groupId.WriteTo(body, "group_id");
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -Group, -NoGroup, -After, -AtStart or a presentation parameter.");
            var layout = await WriteAsync(HttpMethod.Put, Fields(pipelineId) + "/" + NimbleContactsApi.Escape(fieldId, "Field"), body, "PipelineField", cancellationToken)
                .ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE .../fields/{id} with {"preflight_checks"}: refused when deals use the field unless <paramref name="deleteValues"/>.</summary>
        public Task DeleteFieldAsync(string pipelineId, string fieldId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Fields(pipelineId) + "/" + NimbleContactsApi.Escape(fieldId, "Field"), deleteValues, "PipelineField", cancellationToken);

        /// <summary>POST .../fields/{id}/choices with {"choice": {"id", "value"}, "insert_after"}.</summary>
        public async Task<NimblePipelineField?> AddChoiceAsync(string pipelineId, string fieldId, string choiceId, string value, string? insertAfter,
            CancellationToken cancellationToken)
        {
            var text = NimbleChoices.Check(new[] { value }, "Value")[0];
            if (string.IsNullOrWhiteSpace(choiceId)) throw new CrmValidationException("Nimble", "ChoiceId", "The choice id is empty.");
            var body = new JsonObject { ["choice"] = new JsonObject { ["id"] = choiceId, ["value"] = text }, ["insert_after"] = insertAfter };
            var layout = await WriteAsync(HttpMethod.Post, Choices(pipelineId, fieldId), body, "PipelineFieldChoice", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT .../choices/{choice} with {"value", "insert_after"}.</summary>
        public async Task<NimblePipelineField?> UpdateChoiceAsync(string pipelineId, string fieldId, string choiceId, string? value, NimbleOptionalId insertAfter,
            CancellationToken cancellationToken)
        {
            var body = new JsonObject();
            if (value != null) body["value"] = NimbleChoices.Check(new[] { value }, "NewValue")[0];
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewValue", "Nothing to change: give -NewValue, -After or -AtStart.");
            var layout = await WriteAsync(HttpMethod.Put, Choices(pipelineId, fieldId) + "/" + NimbleContactsApi.Escape(choiceId, "Choice"), body, "PipelineFieldChoice",
                cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Fields.FirstOrDefault(f => f.FieldId == fieldId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE .../choices/{choice} with {"preflight_checks"}.</summary>
        public Task DeleteChoiceAsync(string pipelineId, string fieldId, string choiceId, bool deleteValues, CancellationToken cancellationToken) =>
            DeleteAsync(Choices(pipelineId, fieldId) + "/" + NimbleContactsApi.Escape(choiceId, "Choice"), deleteValues, "PipelineFieldChoice", cancellationToken);

        /// <summary>POST .../groups: an empty group (fields are added with CreateFieldAsync and its group id).</summary>
        public async Task<NimblePipelineFieldGroup?> CreateGroupAsync(string pipelineId, string name, string? logoId, string? insertAfter, CancellationToken cancellationToken)
        {
            var text = NimbleFieldLookup.CheckName(name, "Name", MaxName);
            var body = new JsonObject { ["group_name"] = text, ["logo_id"] = logoId ?? string.Empty, ["insert_after"] = insertAfter, ["fields"] = new JsonArray() };
            var layout = await WriteAsync(HttpMethod.Post, Pipeline(pipelineId) + "/groups", body, "PipelineFieldGroup", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Groups.FirstOrDefault(g => g.PipelineId == pipelineId && NimbleFieldLookup.Same(g.Name, text)), cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>PUT .../groups/{id}: rename, change the logo or move.</summary>
        public async Task<NimblePipelineFieldGroup?> UpdateGroupAsync(string pipelineId, string groupId, string? name, string? logoId, NimbleOptionalId insertAfter,
            CancellationToken cancellationToken)
        {
            var body = new JsonObject();
            if (name != null) body["group_name"] = NimbleFieldLookup.CheckName(name, "NewName", MaxName);
            if (logoId != null) body["logo_id"] = logoId;
            insertAfter.WriteTo(body, "insert_after");
            if (body.Count == 0) throw new CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -LogoId, -After or -AtStart.");
            var layout = await WriteAsync(HttpMethod.Put, Group(pipelineId, groupId), body, "PipelineFieldGroup", cancellationToken).ConfigureAwait(false);
            return await PickAsync(layout, l => l.Groups.FirstOrDefault(g => g.GroupId == groupId), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE .../groups/{id}.</summary>
        public Task DeleteGroupAsync(string pipelineId, string groupId, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, Group(pipelineId, groupId)) { Resource = "PipelineFieldGroup" }, cancellationToken);

        private static string Pipeline(string pipelineId) => "api/v2/deals/pipelines/" + NimbleContactsApi.Escape(pipelineId, "Pipeline");

        private static string Fields(string pipelineId) => Pipeline(pipelineId) + "/fields";

        private static string Choices(string pipelineId, string fieldId) => Fields(pipelineId) + "/" + NimbleContactsApi.Escape(fieldId, "Field") + "/choices";

        private static string Group(string pipelineId, string groupId) => Pipeline(pipelineId) + "/groups/" + NimbleContactsApi.Escape(groupId, "Group");

        private Task DeleteAsync(string path, bool deleteValues, string resource, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, path) { Resource = resource }
                .WithJson(NimbleJson.ToUtf8(new JsonObject { ["preflight_checks"] = !deleteValues })), cancellationToken);

        private async Task<NimblePipelineFieldLayout> WriteAsync(HttpMethod method, string path, JsonObject body, string resource, CancellationToken cancellationToken) =>
            NimblePipelineFieldLayout.Read(await SendAsync(new CrmRequest(method, path).WithJson(NimbleJson.ToUtf8(body)), resource, cancellationToken).ConfigureAwait(false));

        private Task<JsonElement> SendAsync(CrmRequest request, string resource, CancellationToken cancellationToken)
        {
            request.Resource = resource;
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.JsonElement, cancellationToken);
        }

        private async Task<T?> PickAsync<T>(NimblePipelineFieldLayout answer, Func<NimblePipelineFieldLayout, T?> pick, CancellationToken cancellationToken) where T : class =>
            pick(answer) ?? pick(await GetLayoutAsync(cancellationToken).ConfigureAwait(false));
    }
}
