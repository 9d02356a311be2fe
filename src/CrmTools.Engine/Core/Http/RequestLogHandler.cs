using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;

namespace CrmTools.Engine.Http
{
    /// <summary>
    /// Logs every attempt: method, redacted URL, status and elapsed time to Verbose; headers
    /// and bodies (redacted, truncated) to Debug. Runs inside the retry loop, so each retry
    /// shows up as its own line.
    /// </summary>
    internal sealed class RequestLogHandler : DelegatingHandler
    {
        private const int MaxLoggedBody = 8192;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = Redactor.RedactUrl(request.RequestUri);
            if (CrmLog.IsDebugEnabled)
            {
                CrmLog.Debug(await DescribeRequestAsync(request, url).ConfigureAwait(false));
            }

            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Exception ex) when (!(ex is System.OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                CrmLog.Verbose($"{request.Method} {url} -> failed after {watch.ElapsedMilliseconds} ms: {ex.GetBaseException().Message}");
                throw;
            }

            CrmLog.Verbose($"{request.Method} {url} -> {(int)response.StatusCode} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
            if (CrmLog.IsDebugEnabled)
            {
                CrmLog.Debug(await DescribeResponseAsync(response).ConfigureAwait(false));
            }
            return response;
        }

        private static async Task<string> DescribeRequestAsync(HttpRequestMessage request, string url)
        {
            var sb = new StringBuilder();
            sb.Append("HTTP request ").Append(request.Method).Append(' ').Append(url);
            foreach (var h in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>()))
            {
                sb.AppendLine().Append("  ").Append(h.Key).Append(": ").Append(Redactor.RedactHeader(h.Key, string.Join(", ", h.Value)));
            }
            if (request.Content != null)
            {
                sb.AppendLine().Append(await BodyTextAsync(request.Content).ConfigureAwait(false));
            }
            return sb.ToString();
        }

        private static async Task<string> DescribeResponseAsync(HttpResponseMessage response)
        {
            var sb = new StringBuilder();
            sb.Append("HTTP response ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
            foreach (var h in response.Headers)
            {
                sb.AppendLine().Append("  ").Append(h.Key).Append(": ").Append(Redactor.RedactHeader(h.Key, string.Join(", ", h.Value)));
            }
            if (response.Content != null)
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                sb.AppendLine().Append(await BodyTextAsync(response.Content).ConfigureAwait(false));
            }
            return sb.ToString();
        }

        private static async Task<string> BodyTextAsync(HttpContent content)
        {
            var type = content.Headers.ContentType?.MediaType ?? string.Empty;
            var isText = type.Length == 0 || type.Contains("json") || type.StartsWith("text/") || type.Contains("x-www-form-urlencoded") || type.Contains("xml");
            if (!isText)
            {
                return $"  ({type}, {content.Headers.ContentLength?.ToString() ?? "?"} bytes not shown)";
            }
            var text = await content.ReadAsStringAsync().ConfigureAwait(false);
            return Redactor.Truncate(Redactor.RedactBody(text), MaxLoggedBody);
        }
    }
}
