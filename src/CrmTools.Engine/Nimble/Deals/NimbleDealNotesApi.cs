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
    /// <summary>Deal notes: POST /api/v2/deals/{deal}/notes, PUT and DELETE .../notes/{note} (the API has no listing).</summary>
    public sealed class NimbleDealNotesApi
    {
        public const int MaxTitleLength = 256;

        private readonly NimbleConnection _connection;

        internal NimbleDealNotesApi(NimbleConnection connection) => _connection = connection;

        public async Task<NimbleDealNote> CreateAsync(string dealId, string title, string? body, CancellationToken cancellationToken)
        {
            var json = Body(title, body, create: true);
            var note = await _connection.SendJsonAsync(new CrmRequest(HttpMethod.Post, Path(dealId)) { Resource = "Deal" }.WithJson(NimbleJson.ToUtf8(json)),
                NimbleJsonContext.Default.NimbleDealNote, cancellationToken).ConfigureAwait(false);
            note.DealId ??= dealId;
            return note;
        }

        public async Task<NimbleDealNote> UpdateAsync(string dealId, string noteId, string? title, string? body, CancellationToken cancellationToken)
        {
            var json = Body(title, body, create: false);
            var note = await _connection.SendJsonAsync(
                new CrmRequest(HttpMethod.Put, Path(dealId) + "/" + NimbleContactsApi.Escape(noteId, "Id")) { Resource = "Note" }.WithJson(NimbleJson.ToUtf8(json)),
                NimbleJsonContext.Default.NimbleDealNote, cancellationToken).ConfigureAwait(false);
            note.DealId ??= dealId;
            return note;
        }

        public Task DeleteAsync(string dealId, string noteId, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, Path(dealId) + "/" + NimbleContactsApi.Escape(noteId, "Id")) { Resource = "Note" }, cancellationToken);

        // title: 1 to 256 characters (required on creation); body: any text, or null to clear it on update.
        private static JsonObject Body(string? title, string? body, bool create)
        {
            if (title != null && (title.Trim().Length < 1 || title.Length > MaxTitleLength))
            {
                throw new CrmValidationException("Nimble", "Title", $"A deal note's title has 1 to {MaxTitleLength} characters.");
            }
            if (create && title == null) throw new CrmValidationException("Nimble", "Title", "A deal note needs a title.");
            var json = new JsonObject();
            if (title != null) json["title"] = title;
            if (body != null) json["body"] = body;
            if (json.Count == 0) throw new CrmValidationException("Nimble", "Title", "Nothing to change: give -Title or -Body.");
            return json;
        }

        private static string Path(string dealId) => "api/v2/deals/" + NimbleContactsApi.Escape(dealId, "DealId") + "/notes";
    }
}
