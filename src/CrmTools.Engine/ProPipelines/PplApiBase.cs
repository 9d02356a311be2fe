using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// What every group of ProPipelines endpoints shares: building paths, sending a call through
    /// the connection's HTTP pipeline and reading the typed answer. One way to call the service.
    /// </summary>
    public abstract class PplApiBase
    {
        internal PplApiBase(PplConnection connection) => Connection = connection;

        internal PplConnection Connection { get; }

        /// <summary>A relative path from segments; text segments (names, e-mails) are escaped.</summary>
        internal static string PathOf(params object[] segments)
        {
            var sb = new StringBuilder();
            foreach (var segment in segments)
            {
                if (sb.Length > 0) sb.Append('/');
                sb.Append(segment switch
                {
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    string s => Uri.EscapeDataString(s),
                    _ => throw new ArgumentException("Unsupported path segment: " + segment),
                });
            }
            return sb.ToString();
        }

        internal Task<T> GetAsync<T>(string path, string resource, JsonTypeInfo<T> type, CancellationToken cancellationToken,
            Action<CrmRequest>? query = null)
        {
            var request = new CrmRequest(HttpMethod.Get, path) { Resource = resource };
            query?.Invoke(request);
            return Connection.Http.SendJsonAsync(request, type, cancellationToken);
        }

        internal Task<T> SendAsync<T>(HttpMethod method, string path, string resource, PplJsonBody? body, JsonTypeInfo<T> type,
            CancellationToken cancellationToken)
        {
            var request = new CrmRequest(method, path) { Resource = resource };
            if (body != null) request.WithJson(body.ToBytes());
            return Connection.Http.SendJsonAsync(request, type, cancellationToken);
        }

        /// <summary>A list answer as a list (the service answers lists as bare JSON arrays).</summary>
        internal async Task<IReadOnlyList<T>> GetListAsync<T>(string path, string resource, JsonTypeInfo<List<T>> type,
            CancellationToken cancellationToken, Action<CrmRequest>? query = null) =>
            await GetAsync(path, resource, type, cancellationToken, query).ConfigureAwait(false);

        internal static HttpMethod Put => HttpMethod.Put;
        internal static HttpMethod Post => HttpMethod.Post;
        internal static HttpMethod Delete => HttpMethod.Delete;
    }
}
