using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Deals
{
    /// <summary>
    /// Deal files: the list (the "files" of GET /api/v2/deals/{deal}, as the API has no listing call), the download link
    /// (GET .../files/{file}/url), rename (PUT .../files/{file}, only files uploaded to Nimble) and delete.
    /// </summary>
    public sealed class NimbleDealFilesApi
    {
        private readonly NimbleConnection _connection;

        internal NimbleDealFilesApi(NimbleConnection connection) => _connection = connection;

        /// <summary>The files of a deal (read from the deal).</summary>
        public async Task<IReadOnlyList<NimbleDealFile>> ListAsync(string dealId, CancellationToken cancellationToken)
        {
            var deal = await _connection.Deals.GetAsync(dealId, cancellationToken).ConfigureAwait(false);
            return FromDeal(deal);
        }

        /// <summary>The files in a deal's "files" (a list; the spec describes one object, which is read as a list of one).</summary>
        public static IReadOnlyList<NimbleDealFile> FromDeal(NimbleDeal deal)
        {
            var files = new List<NimbleDealFile>();
            if (deal.Files is not JsonElement element) return files;
            void Add(JsonElement e)
            {
                if (e.ValueKind != JsonValueKind.Object) return;
                var file = e.Deserialize(NimbleJsonContext.Default.NimbleDealFile);
                if (file == null) return;
                file.DealId = deal.DealId;
                files.Add(file);
            }
            if (element.ValueKind == JsonValueKind.Array) foreach (var e in element.EnumerateArray()) Add(e);
            else Add(element);
            return files;
        }

        /// <summary>GET /api/v2/deals/{deal}/files/{file}/url: a link to download the file.</summary>
        public async Task<NimbleDealFileLink> GetDownloadLinkAsync(string dealId, string fileId, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, FilePath(dealId, fileId) + "/url") { Resource = "File" };
            var link = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDealFileLink, cancellationToken).ConfigureAwait(false);
            link.DealId = dealId;
            link.FileId = fileId;
            return link;
        }

        /// <summary>PUT /api/v2/deals/{deal}/files/{file} with new_file_name (Nimble renames only files uploaded to it, not linked ones).</summary>
        public Task RenameAsync(string dealId, string fileId, string newName, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(newName)) throw new CrmValidationException("Nimble", "NewName", "The new file name must not be empty.");
            var body = new JsonObject { ["new_file_name"] = newName.Trim() };
            var request = new CrmRequest(HttpMethod.Put, FilePath(dealId, fileId)) { Resource = "File" }.WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendAsync(request, cancellationToken);
        }

        /// <summary>DELETE /api/v2/deals/{deal}/files/{file}.</summary>
        public Task DeleteAsync(string dealId, string fileId, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, FilePath(dealId, fileId)) { Resource = "File" }, cancellationToken);

        private static string FilePath(string dealId, string fileId) =>
            "api/v2/deals/" + NimbleContactsApi.Escape(dealId, "DealId") + "/files/" + NimbleContactsApi.Escape(fileId, "Id");
    }
}
