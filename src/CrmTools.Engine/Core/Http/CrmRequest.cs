using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace CrmTools.Engine.Http
{
    /// <summary>
    /// A description of one API call. It is not an HttpRequestMessage because a message can be
    /// sent only once: every attempt (retry, token renewal) builds a fresh one from this.
    /// </summary>
    public sealed class CrmRequest
    {
        public CrmRequest(HttpMethod method, string path)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the connection's API base (no leading slash), or an absolute URI.</summary>
        public string Path { get; }

        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public byte[]? Body { get; private set; }

        public string? ContentType { get; private set; }

        /// <summary>Overrides the method's idempotency (e.g. a POST that only reads).</summary>
        public bool? Idempotent { get; set; }

        /// <summary>What the call is about, for error ids and messages (e.g. "Lead").</summary>
        public string? Resource { get; set; }

        /// <summary>Skip the authentication hook (login calls carry their own Authorization).</summary>
        public bool Anonymous { get; set; }

        /// <summary>Statuses that are an answer rather than a failure for this call (e.g. 304 on logout).</summary>
        public HashSet<int>? AcceptStatuses { get; set; }

        public bool IsIdempotent => Idempotent ?? RetryRules.IsIdempotent(Method);

        public CrmRequest AddQuery(string name, string? value)
        {
            if (value != null) Query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public CrmRequest AddQuery(string name, long? value) =>
            value.HasValue ? AddQuery(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public CrmRequest AddQuery(string name, bool? value) =>
            value.HasValue ? AddQuery(name, value.Value ? "true" : "false") : this;

        public CrmRequest WithJson(byte[] utf8Json)
        {
            Body = utf8Json;
            ContentType = "application/json";
            return this;
        }

        public CrmRequest WithForm(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var sb = new StringBuilder();
            foreach (var f in fields)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(FormEncode(f.Key)).Append('=').Append(FormEncode(f.Value));
            }
            Body = Encoding.UTF8.GetBytes(sb.ToString());
            ContentType = "application/x-www-form-urlencoded";
            return this;
        }

        public CrmRequest WithBody(byte[] body, string contentType)
        {
            Body = body;
            ContentType = contentType;
            return this;
        }

        /// <summary>The full URI for this request against <paramref name="baseUri"/>.</summary>
        public Uri BuildUri(Uri baseUri)
        {
            var target = Uri.TryCreate(Path, UriKind.Absolute, out var absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https")
                ? absolute
                : new Uri(baseUri, Path);
            if (Query.Count == 0) return target;
            var sb = new StringBuilder(target.ToString());
            sb.Append(string.IsNullOrEmpty(target.Query) ? '?' : '&');
            for (var i = 0; i < Query.Count; i++)
            {
                if (i > 0) sb.Append('&');
                sb.Append(Uri.EscapeDataString(Query[i].Key)).Append('=').Append(Uri.EscapeDataString(Query[i].Value));
            }
            return new Uri(sb.ToString());
        }

        private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+");
    }
}
