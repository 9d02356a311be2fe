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
using CrmTools.Engine.Nimble.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.Nimble.Contacts
{
    /// <summary>Contacts: /api/v1/contacts, /api/v1/contact.</summary>
    public sealed class NimbleContactsApi
    {
        /// <summary>Most contacts one listing request returns (documented for sorted listings; used for all).</summary>
        public const int MaxPageSize = 100;

        /// <summary>Most ids GET /api/v1/contact accepts in one call (documented).</summary>
        public const int MaxIdsPerRequest = 30;

        /// <summary>The query flag of PUT /contact/{id} that replaces fields instead of extending them: "type=1" in the
        /// OpenAPI description ("replace=1" in older documents). One place to change.</summary>
        internal static readonly KeyValuePair<string, string> ReplaceFlag = new KeyValuePair<string, string>("type", "1");

        private readonly NimbleConnection _connection;

        internal NimbleContactsApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v1/contacts: the search, streamed page by page.</summary>
        public ItemStream<NimbleContact> List(NimbleContactQuery query, PageRequest paging, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            query.BuildQuery();
            CheckPageSize(paging);
            return PageNumberAdapter<NimbleContact>.Stream(paging, async (page, perPage, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, "api/v1/contacts") { Resource = "Contact" };
                query.AddTo(request);
                request.AddQuery("page", page).AddQuery("per_page", perPage);
                var listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContactListing, ct).ConfigureAwait(false);
                return new NumberedPage<NimbleContact>(listing.Resources ?? new List<NimbleContact>(), listing.Meta?.Page, listing.Meta?.Pages, listing.Meta?.Total);
            }, cancellationToken);
        }

        /// <summary>GET /api/v1/contacts/ids: only the ids, streamed (faster than the full listing).</summary>
        public ItemStream<string> ListIds(NimbleContactQuery query, PageRequest paging, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            query.BuildQuery();
            CheckPageSize(paging);
            return PageNumberAdapter<string>.Stream(paging, async (page, perPage, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, "api/v1/contacts/ids") { Resource = "Contact" };
                query.AddTo(request);
                request.AddQuery("page", page).AddQuery("per_page", perPage);
                var listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContactIdListing, ct).ConfigureAwait(false);
                return new NumberedPage<string>(listing.Resources ?? new List<string>(), listing.Meta?.Page, listing.Meta?.Pages, listing.Meta?.Total);
            }, cancellationToken);
        }

        /// <summary>
        /// GET /api/v1/contact?id=a,b,c for at most <see cref="MaxIdsPerRequest"/> ids. The answer lists the contacts
        /// found; <see cref="NimbleContactBatch.Missing"/> names the ids that were not.
        /// </summary>
        public async Task<NimbleContactBatch> GetBatchAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            if (ids == null) throw new ArgumentNullException(nameof(ids));
            var list = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (list.Count == 0) return new NimbleContactBatch(new List<NimbleContact>(), new List<string>());
            if (list.Count > MaxIdsPerRequest) throw new CrmValidationException("Nimble", "Id", $"At most {MaxIdsPerRequest} ids per request.");
            var request = new CrmRequest(HttpMethod.Get, "api/v1/contact") { Resource = "Contact" }.AddQuery("id", string.Join(",", list));
            if (fields != null && fields.Count > 0) request.AddQuery("fields", string.Join(",", fields));
            NimbleContactListing listing;
            try
            {
                listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContactListing, cancellationToken).ConfigureAwait(false);
            }
            catch (CrmApiException e) when (e.Kind == CrmErrorKind.NotFound && list.Count == 1)
            {
                return new NimbleContactBatch(new List<NimbleContact>(), list);
            }
            var found = listing.Resources ?? new List<NimbleContact>();
            var foundIds = new HashSet<string>(found.Select(c => c.Id ?? string.Empty), StringComparer.Ordinal);
            return new NimbleContactBatch(found, list.Where(i => !foundIds.Contains(i)).ToList());
        }

        /// <summary>GET /api/v1/contact/{id}.</summary>
        public async Task<NimbleContact> GetAsync(string id, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, "api/v1/contact/" + Escape(id, "Id")) { Resource = "Contact" };
            var listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContactListing, cancellationToken).ConfigureAwait(false);
            return listing.Resources?.FirstOrDefault() ?? throw NotFound(id);
        }

        /// <summary>POST /api/v1/contact.</summary>
        public Task<NimbleContact> CreateAsync(NimbleContactInput input, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var body = input.ToCreateBody();
            var request = new CrmRequest(HttpMethod.Post, "api/v1/contact") { Resource = "Contact" }.WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContact, cancellationToken);
        }

        /// <summary>PUT /api/v1/contact/{id}: extends the fields given (new values added), or with <paramref name="replace"/> replaces their values.</summary>
        public Task<NimbleContact> UpdateAsync(string id, NimbleContactInput input, bool replace, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var body = input.ToUpdateBody();
            var request = new CrmRequest(HttpMethod.Put, "api/v1/contact/" + Escape(id, "Id")) { Resource = "Contact" }.WithJson(NimbleJson.ToUtf8(body));
            if (replace) request.AddQuery(ReplaceFlag.Key, ReplaceFlag.Value);
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContact, cancellationToken);
        }

        /// <summary>DELETE /api/v1/contact/{id}.</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, "api/v1/contact/" + Escape(id, "Id")) { Resource = "Contact" }, cancellationToken);

        /// <summary>DELETE /api/v1/contacts?query=|keyword=&amp;record_type=: deletes every contact the search finds.</summary>
        public async Task<NimbleRemovedContacts> DeleteByQueryAsync(NimbleContactQuery query, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            query.ValidateForDelete();
            var request = new CrmRequest(HttpMethod.Delete, "api/v1/contacts") { Resource = "Contact", Idempotent = false };
            query.AddTo(request, forDelete: true);
            var removed = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContactsRemoved, cancellationToken).ConfigureAwait(false);
            return new NimbleRemovedContacts(removed.Data?.Ids ?? new List<string>(), removed.Status);
        }

        /// <summary>PUT /api/v1/contacts/{id}/tags: sets the contact's tags to exactly <paramref name="tags"/>.</summary>
        public Task<NimbleContact> SetTagsAsync(string id, IReadOnlyList<string> tags, CancellationToken cancellationToken)
        {
            if (tags == null) throw new ArgumentNullException(nameof(tags));
            var array = new JsonArray(tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (JsonNode?)JsonValue.Create(t.Trim())).ToArray());
            var request = new CrmRequest(HttpMethod.Put, "api/v1/contacts/" + Escape(id, "Id") + "/tags") { Resource = "Contact" }
                .WithJson(NimbleJson.ToUtf8(new JsonObject { ["tags"] = array }));
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleContact, cancellationToken);
        }

        /// <summary>
        /// PUT /api/v1/contact/{id}/field marks the value at <paramref name="position"/> (0-based, in the contact's
        /// order) of a field as its primary one; DELETE (<paramref name="primary"/> false) removes the mark.
        /// </summary>
        public Task SetPrimaryAsync(string contactId, string fieldId, int position, bool primary, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(fieldId)) throw new CrmValidationException("Nimble", "Field", "The field id is empty.");
            if (position < 0) throw new CrmValidationException("Nimble", "Position", "The position is 0 or more.");
            var body = new JsonObject { ["field_id"] = fieldId, ["position"] = position };
            var request = new CrmRequest(primary ? HttpMethod.Put : HttpMethod.Delete, "api/v1/contact/" + Escape(contactId, "ContactId") + "/field") { Resource = "Contact" }
                .WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendAsync(request, cancellationToken);
        }

        internal static string Escape(string id, string parameter)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new CrmValidationException("Nimble", parameter, "The id is empty.");
            return Uri.EscapeDataString(id.Trim());
        }

        private static CrmException NotFound(string id) =>
            new CrmException("Nimble", CrmErrorKind.NotFound, $"The contact '{id}' was not found.") { Resource = "Contact" };

        private static void CheckPageSize(PageRequest paging)
        {
            if (paging.PageSize < 1 || paging.PageSize > MaxPageSize)
            {
                throw new CrmValidationException("Nimble", "PageSize", $"PageSize must be between 1 and {MaxPageSize}.");
            }
        }
    }

    /// <summary>The answer for one batch of ids.</summary>
    public sealed class NimbleContactBatch
    {
        public NimbleContactBatch(IReadOnlyList<NimbleContact> found, IReadOnlyList<string> missing)
        {
            Found = found;
            Missing = missing;
        }

        public IReadOnlyList<NimbleContact> Found { get; }

        public IReadOnlyList<string> Missing { get; }
    }
}
