using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Tasks
{
    /// <summary>Tasks: POST /api/v1/tasks.</summary>
    public sealed class NimbleTasksApi
    {
        private readonly NimbleConnection _connection;

        internal NimbleTasksApi(NimbleConnection connection) => _connection = connection;

        /// <summary>Creates a task; contacts and deals are associated through <c>related</c> (the documented way).</summary>
        public Task<NimbleTask> CreateAsync(NimbleTaskInput input, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var request = new CrmRequest(HttpMethod.Post, "api/v1/tasks") { Resource = "Task" }.WithJson(NimbleJson.ToUtf8(input.ToBody()));
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleTask, cancellationToken);
        }
    }

    /// <summary>A task to create.</summary>
    public sealed class NimbleTaskInput
    {
        public string? Subject { get; set; }
        public DateTimeOffset? DueDate { get; set; }
        public string? Notes { get; set; }
        public IReadOnlyList<string>? ContactIds { get; set; }
        public IReadOnlyList<string>? DealIds { get; set; }

        /// <summary>User id of the owner the task is assigned to.</summary>
        public string? AssignedTo { get; set; }

        public bool? IsImportant { get; set; }
        public IReadOnlyList<string>? Tags { get; set; }

        internal JsonObject ToBody()
        {
            if (string.IsNullOrWhiteSpace(Subject)) throw new CrmValidationException("Nimble", "Subject", "A task needs a subject.");
            var body = new JsonObject { ["subject"] = Subject!.Trim() };
            if (DueDate.HasValue) body["due_date"] = NimbleValues.FormatDateTime(DueDate.Value);
            if (Notes != null) body["notes"] = Notes;
            if (AssignedTo != null) body["assigned_to"] = AssignedTo;
            if (IsImportant.HasValue) body["is_important"] = IsImportant.Value;
            if (Tags != null && Tags.Count > 0) body["tags"] = Array(Tags);
            if ((ContactIds != null && ContactIds.Count > 0) || (DealIds != null && DealIds.Count > 0))
            {
                var related = new JsonObject();
                if (ContactIds != null && ContactIds.Count > 0) related["contacts"] = Array(ContactIds);
                if (DealIds != null && DealIds.Count > 0) related["deals"] = Array(DealIds);
                body["related"] = related;
            }
            return body;
        }

        private static JsonArray Array(IEnumerable<string> values) =>
            new JsonArray(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)JsonValue.Create(v.Trim())).ToArray());
    }
}
