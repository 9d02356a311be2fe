using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>/leads/{lead_id}/attachments: list, link, upload, download, delete.</summary>
    public sealed class PplAttachmentsApi : PplApiBase
    {
        internal PplAttachmentsApi(PplConnection connection) : base(connection) { }

        public async Task<IReadOnlyList<PplAttachment>> ListAsync(long leadId, CancellationToken cancellationToken)
        {
            var list = await GetListAsync(PathOf("leads", leadId, "attachments"), "Lead", PplJsonContext.Default.ListPplAttachment, cancellationToken).ConfigureAwait(false);
            foreach (var a in list) a.LeadId = leadId;
            return list;
        }

        /// <summary>A short-lived download link for one file of kind "attachment".</summary>
        public async Task<string> GetDownloadUrlAsync(long leadId, long attachmentId, CancellationToken cancellationToken)
        {
            var answer = await GetAsync(PathOf("leads", leadId, "attachments", attachmentId), "Attachment", PplJsonContext.Default.PplUrlAnswer, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(answer.Url))
            {
                throw new CrmApiException("Ppl", CrmErrorKind.Protocol, "GET", $"leads/{leadId}/attachments/{attachmentId}", 200,
                    "The service gave no download link for this attachment.", null) { Resource = "Attachment" };
            }
            return answer.Url!;
        }

        /// <summary>Uploads a file as multipart/form-data in the part "attachment".</summary>
        public async Task<PplAttachment> AddAsync(long leadId, string path, CancellationToken cancellationToken)
        {
            if (!File.Exists(path)) throw new CrmValidationException("Ppl", "Path", $"There is no file '{path}'.");
            var body = await MultipartFile.BuildAsync("attachment", path, cancellationToken).ConfigureAwait(false);
            var request = new CrmRequest(HttpMethod.Post, PathOf("leads", leadId, "attachments")) { Resource = "Lead" }
                .WithBody(body.Content, body.ContentType);
            var created = await Connection.Http.SendJsonAsync(request, PplJsonContext.Default.PplAttachment, cancellationToken).ConfigureAwait(false);
            created.LeadId = leadId;
            return created;
        }

        /// <summary>
        /// Downloads one file into <paramref name="destination"/> (a file path). The link is the
        /// service's own short-lived one, often on another host: it is fetched without the account's credentials.
        /// </summary>
        public async Task DownloadAsync(long leadId, long attachmentId, string destination, CancellationToken cancellationToken)
        {
            var url = await GetDownloadUrlAsync(leadId, attachmentId, cancellationToken).ConfigureAwait(false);
            var request = new CrmRequest(HttpMethod.Get, url) { Resource = "Attachment", Anonymous = true };
            using var response = await Connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var partial = destination + ".partial";
            try
            {
                using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
#if NET
                    using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    await stream.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
                }
                // Written aside first so a failed download never leaves a truncated file under the real name.
                if (File.Exists(destination)) File.Delete(destination);
                File.Move(partial, destination);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
        }

        public async Task RemoveAsync(long leadId, long attachmentId, CancellationToken cancellationToken) =>
            await SendAsync(Delete, PathOf("leads", leadId, "attachments", attachmentId), "Attachment", null, PplJsonContext.Default.PplIdAnswer, cancellationToken).ConfigureAwait(false);

        /// <summary>A multipart/form-data body holding one file.</summary>
        private static class MultipartFile
        {
            public static async Task<(byte[] Content, string ContentType)> BuildAsync(string partName, string path, CancellationToken cancellationToken)
            {
                var boundary = "----CrmTools" + Guid.NewGuid().ToString("N");
                var fileName = Path.GetFileName(path).Replace("\"", "'");
                using var body = new MemoryStream();
                var head = Encoding.UTF8.GetBytes(
                    $"--{boundary}\r\nContent-Disposition: form-data; name=\"{partName}\"; filename=\"{fileName}\"\r\n" +
                    $"Content-Type: {MediaType(fileName)}\r\n\r\n");
                body.Write(head, 0, head.Length);
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                {
                    await file.CopyToAsync(body, 81920, cancellationToken).ConfigureAwait(false);
                }
                var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
                body.Write(tail, 0, tail.Length);
                return (body.ToArray(), "multipart/form-data; boundary=" + boundary);
            }

            private static string MediaType(string fileName)
            {
                switch (Path.GetExtension(fileName).ToLowerInvariant())
                {
                    case ".txt": return "text/plain";
                    case ".csv": return "text/csv";
                    case ".pdf": return "application/pdf";
                    case ".png": return "image/png";
                    case ".jpg": case ".jpeg": return "image/jpeg";
                    case ".gif": return "image/gif";
                    case ".json": return "application/json";
                    case ".zip": return "application/zip";
                    case ".docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                    case ".xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    default: return "application/octet-stream";
                }
            }
        }
    }
}
