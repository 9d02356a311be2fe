using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Deals
{
    /// <summary>Deal pipelines and their stages: /api/v2/deals/pipelines.</summary>
    public sealed class NimblePipelinesApi
    {
        private readonly NimbleConnection _connection;

        internal NimblePipelinesApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v2/deals/pipelines.</summary>
        public async Task<IReadOnlyList<NimblePipeline>> ListAsync(CancellationToken cancellationToken)
        {
            var list = await _connection.SendJsonAsync(new CrmRequest(HttpMethod.Get, "api/v2/deals/pipelines") { Resource = "Pipeline" },
                NimbleJsonContext.Default.NimblePipelineList, cancellationToken).ConfigureAwait(false);
            return list.Pipelines ?? new List<NimblePipeline>();
        }

        /// <summary>GET /api/v2/deals/pipelines/{id}.</summary>
        public Task<NimblePipeline> GetAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendJsonAsync(new CrmRequest(HttpMethod.Get, Path(id)) { Resource = "Pipeline" }, NimbleJsonContext.Default.NimblePipeline, cancellationToken);

        /// <summary>Finds a pipeline by id or name (one listing request).</summary>
        public async Task<NimblePipeline> FindAsync(string idOrName, CancellationToken cancellationToken) =>
            NimblePipelineResolution.FindPipeline(await ListAsync(cancellationToken).ConfigureAwait(false), idOrName);

        /// <summary>Finds a pipeline and a stage in it by name or id.</summary>
        public async Task<NimblePipelineResolution> ResolveAsync(string? pipeline, string? stage, CancellationToken cancellationToken) =>
            NimblePipelineResolution.Resolve(await ListAsync(cancellationToken).ConfigureAwait(false), pipeline, stage);

        /// <summary>POST /api/v2/deals/pipelines with its stages (in order) and lost reasons.</summary>
        public Task<NimblePipeline> CreateAsync(NimblePipelineInput input, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var body = input.ToCreateBody();
            return _connection.SendJsonAsync(new CrmRequest(HttpMethod.Post, "api/v2/deals/pipelines") { Resource = "Pipeline" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimblePipeline, cancellationToken);
        }

        /// <summary>PUT /api/v2/deals/pipelines/{id}: name, description, color.</summary>
        public Task<NimblePipeline> UpdateAsync(string id, NimblePipelineInput input, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var body = input.ToUpdateBody();
            return _connection.SendJsonAsync(new CrmRequest(HttpMethod.Put, Path(id)) { Resource = "Pipeline" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimblePipeline, cancellationToken);
        }

        /// <summary>DELETE /api/v2/deals/pipelines/{id}: deletes the pipeline and every deal in it.</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, Path(id)) { Resource = "Pipeline" }, cancellationToken);

        /// <summary>POST .../archive or .../unarchive, then the pipeline as it is now.</summary>
        public async Task<NimblePipeline> SetArchivedAsync(string id, bool archived, CancellationToken cancellationToken)
        {
            await _connection.SendAsync(new CrmRequest(HttpMethod.Post, Path(id) + (archived ? "/archive" : "/unarchive")) { Resource = "Pipeline" }, cancellationToken)
                .ConfigureAwait(false);
            return await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST .../stages: adds a stage (after <paramref name="insertAfterStageId"/>, else last); answers the pipeline.</summary>
        public Task<NimblePipeline> AddStageAsync(string pipelineId, NimbleStageInput stage, CancellationToken cancellationToken)
        {
            if (stage == null) throw new ArgumentNullException(nameof(stage));
            var body = stage.ToBody(create: true);
            body["pipeline_id"] = pipelineId;
            return _connection.SendJsonAsync(new CrmRequest(HttpMethod.Post, Path(pipelineId) + "/stages") { Resource = "Pipeline" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimblePipeline, cancellationToken);
        }

        /// <summary>PUT .../stages/{stage}: answers the pipeline.</summary>
        public Task<NimblePipeline> UpdateStageAsync(string pipelineId, string stageId, NimbleStageInput stage, CancellationToken cancellationToken)
        {
            if (stage == null) throw new ArgumentNullException(nameof(stage));
            var body = stage.ToBody(create: false);
            return _connection.SendJsonAsync(
                new CrmRequest(HttpMethod.Put, Path(pipelineId) + "/stages/" + NimbleContactsApi.Escape(stageId, "Stage")) { Resource = "Stage" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimblePipeline, cancellationToken);
        }

        /// <summary>DELETE .../stages/{stage}: archives the stage.</summary>
        public Task ArchiveStageAsync(string pipelineId, string stageId, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, Path(pipelineId) + "/stages/" + NimbleContactsApi.Escape(stageId, "Stage")) { Resource = "Stage" },
                cancellationToken);

        /// <summary>POST .../lost_reasons: adds a lost reason (1 to 256 characters); answers the pipeline (406 when archived or the reason exists).</summary>
        public Task<NimblePipeline> AddLostReasonAsync(string pipelineId, string reason, CancellationToken cancellationToken)
        {
            var text = reason?.Trim() ?? string.Empty;
            if (text.Length == 0) throw new CrmValidationException("Nimble", "Reason", "The lost reason must not be empty.");
            if (text.Length > 256) throw new CrmValidationException("Nimble", "Reason", "A lost reason can have at most 256 characters.");
            var body = new JsonObject { ["reason"] = text };
            return _connection.SendJsonAsync(new CrmRequest(HttpMethod.Post, Path(pipelineId) + "/lost_reasons") { Resource = "Pipeline" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimblePipeline, cancellationToken);
        }

        private static string Path(string id) => "api/v2/deals/pipelines/" + NimbleContactsApi.Escape(id, "Id");
    }

    /// <summary>A pipeline to create or change.</summary>
    public sealed class NimblePipelineInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Color { get; set; }

        /// <summary>ISO-4217 code of the pipeline's default currency (creation only; USD when not given).</summary>
        public string? DefaultCurrency { get; set; }

        /// <summary>Stages in order (creation only).</summary>
        public IReadOnlyList<NimbleStageInput>? Stages { get; set; }

        public IReadOnlyList<string>? LostReasons { get; set; }

        internal JsonObject ToCreateBody()
        {
            CheckName(required: true);
            if (Description != null && Description.Length > 256) throw new CrmValidationException("Nimble", "Description", "The description can have at most 256 characters.");
            var currency = (DefaultCurrency ?? "USD").ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsLetter)) throw new CrmValidationException("Nimble", "DefaultCurrency", $"'{DefaultCurrency}' is not an ISO-4217 currency code.");
            if (LostReasons != null && LostReasons.Any(r => r.Length > 256)) throw new CrmValidationException("Nimble", "LostReason", "A lost reason can have at most 256 characters.");
            // Every property is required by the service's schema: send empty values rather than leave them out.
            return new JsonObject
            {
                ["name"] = Name!.Trim(),
                ["description"] = Description ?? string.Empty,
                ["color"] = Color ?? "#4A90E2",
                ["lost_reasons"] = new JsonArray((LostReasons ?? Array.Empty<string>()).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
                ["stages"] = new JsonArray((Stages ?? Array.Empty<NimbleStageInput>()).Select(s => (JsonNode?)s.ToBody(create: true)).ToArray()),
                ["fields_tab_members"] = new JsonArray(),
                ["default_currency"] = currency,
            };
        }

        internal JsonObject ToUpdateBody()
        {
            CheckName(required: false);
            var body = new JsonObject();
            if (Name != null) body["name"] = Name.Trim();
            if (Description != null) body["description"] = Description;
            if (Color != null) body["color"] = Color;
            if (body.Count == 0) throw new CrmValidationException("Nimble", "Name", "Nothing to change: give -NewName, -Description or -Color.");
            return body;
        }

        private void CheckName(bool required)
        {
            if (Name == null && !required) return;
            var length = Name?.Trim().Length ?? 0;
            if (length < 1 || length > 200) throw new CrmValidationException("Nimble", "Name", "A pipeline name has 1 to 200 characters.");
        }
    }

    /// <summary>A stage to create or change.</summary>
    public sealed class NimbleStageInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public int? DefaultProbability { get; set; }
        public int? ExpectedDays { get; set; }

        /// <summary>Id of the stage the new stage goes after (creation only).</summary>
        public string? InsertAfter { get; set; }

        internal JsonObject ToBody(bool create)
        {
            if (create && string.IsNullOrWhiteSpace(Name)) throw new CrmValidationException("Nimble", "Name", "A stage needs a name.");
            if (DefaultProbability.HasValue && (DefaultProbability < 0 || DefaultProbability > 100))
            {
                throw new CrmValidationException("Nimble", "DefaultProbability", "The default probability must be between 0 and 100.");
            }
            if (ExpectedDays.HasValue && ExpectedDays < 0) throw new CrmValidationException("Nimble", "ExpectedDays", "Expected days cannot be negative.");
            var body = new JsonObject();
            if (Name != null) body["name"] = Name.Trim();
            if (Description != null) body["description"] = Description;
            if (DefaultProbability.HasValue) body["default_probability"] = DefaultProbability.Value;
            if (ExpectedDays.HasValue) body["expected_days"] = ExpectedDays.Value;
            if (create && InsertAfter != null) body["insert_after"] = InsertAfter;
            if (!create && body.Count == 0) throw new CrmValidationException("Nimble", "Name", "Nothing to change.");
            return body;
        }
    }
}
