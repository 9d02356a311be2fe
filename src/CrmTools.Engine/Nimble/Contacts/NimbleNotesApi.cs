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
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.Nimble.Contacts
{
    /// <summary>Contact notes: /api/v1/contacts/notes and /api/v1/contacts/{id}/notes.</summary>
    public sealed class NimbleNotesApi
    {
        /// <summary>A note is attached to 1 to 10 contacts (documented).</summary>
        public const int MaxContactsPerNote = 10;

        /// <summary>How long a preview made from the note's text is.</summary>
        public const int PreviewLength = 100;

        private readonly NimbleConnection _connection;

        internal NimbleNotesApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v1/contacts/notes/{id}.</summary>
        public Task<NimbleContactNote> GetAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendJsonAsync(new CrmRequest(HttpMethod.Get, Path(id)) { Resource = "Note" }, NimbleJsonContext.Default.NimbleContactNote, cancellationToken);

        /// <summary>GET /api/v1/contacts/{contact}/notes, streamed page by page.</summary>
        public ItemStream<NimbleContactNote> ListForContact(string contactId, PageRequest paging, CancellationToken cancellationToken)
        {
            var path = "api/v1/contacts/" + NimbleContactsApi.Escape(contactId, "ContactId") + "/notes";
            if (paging.PageSize < 1 || paging.PageSize > NimbleContactsApi.MaxPageSize)
            {
                throw new CrmValidationException("Nimble", "PageSize", $"PageSize must be between 1 and {NimbleContactsApi.MaxPageSize}.");
            }
            return PageNumberAdapter<NimbleContactNote>.Stream(paging, async (page, perPage, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, path) { Resource = "Contact" }.AddQuery("page", page).AddQuery("per_page", perPage);
                var listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleNoteListing, ct).ConfigureAwait(false);
                return new NumberedPage<NimbleContactNote>(listing.Resources ?? new List<NimbleContactNote>(), listing.Meta?.Page, listing.Meta?.Pages, listing.Meta?.Total);
            }, cancellationToken);
        }

        /// <summary>POST /api/v1/contacts/notes: a note on 1 to 10 contacts.</summary>
        public Task<NimbleContactNote> CreateAsync(IReadOnlyList<string> contactIds, string note, string? preview, CancellationToken cancellationToken)
        {
            var body = Body(contactIds, note, preview);
            return _connection.SendJsonAsync(new CrmRequest(HttpMethod.Post, "api/v1/contacts/notes") { Resource = "Contact" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimbleContactNote, cancellationToken);
        }

        /// <summary>
        /// PUT /api/v1/contacts/notes/{id}. The service wants the whole note (contacts, text, preview): what is not
        /// given is taken from the note as it is now.
        /// </summary>
        public async Task<NimbleContactNote> UpdateAsync(string id, IReadOnlyList<string>? contactIds, string? note, string? preview, CancellationToken cancellationToken)
        {
            if (contactIds == null && note == null && preview == null) throw new CrmValidationException("Nimble", "Note", "Nothing to change: give -Note, -Preview or -ContactId.");
            if (contactIds == null || note == null)
            {
                var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                contactIds ??= (current.Contacts ?? new List<NimbleShortContact>()).Select(c => c.Id).Where(c => c != null).Select(c => c!).ToList();
                if (note == null)
                {
                    note = current.Note ?? string.Empty;
                    preview ??= current.NotePreview;
                }
            }
            var body = Body(contactIds, note, preview);
            return await _connection.SendJsonAsync(new CrmRequest(HttpMethod.Put, Path(id)) { Resource = "Note" }.WithJson(NimbleJson.ToUtf8(body)),
                NimbleJsonContext.Default.NimbleContactNote, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /api/v1/contacts/notes/{id}.</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, Path(id)) { Resource = "Note" }, cancellationToken);

        private static JsonObject Body(IReadOnlyList<string> contactIds, string note, string? preview)
        {
            var ids = contactIds.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count < 1 || ids.Count > MaxContactsPerNote)
            {
                throw new CrmValidationException("Nimble", "ContactId", $"A note is attached to 1 to {MaxContactsPerNote} contacts; {ids.Count} were given.");
            }
            if (string.IsNullOrWhiteSpace(note)) throw new CrmValidationException("Nimble", "Note", "The note is empty.");
            return new JsonObject
            {
                ["contact_ids"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["note"] = note,
                ["note_preview"] = preview ?? MakePreview(note),
            };
        }

        // The first line of the note, shortened: what Nimble shows in lists.
        private static string MakePreview(string note)
        {
            var text = note.Trim().Split('\n')[0].Trim();
            return text.Length <= PreviewLength ? text : text.Substring(0, PreviewLength - 1).TrimEnd() + "…";
        }

        private static string Path(string id) => "api/v1/contacts/notes/" + NimbleContactsApi.Escape(id, "Id");
    }
}
