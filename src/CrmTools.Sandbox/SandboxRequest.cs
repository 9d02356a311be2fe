using System;
using System.Collections.Generic;

namespace CrmTools.Sandbox
{
    /// <summary>One entry of the sandbox request log.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(string method, string path, string query, DateTimeOffset at,
            IReadOnlyDictionary<string, string> headers, string? body)
        {
            Method = method;
            Path = path;
            Query = query;
            At = at;
            Headers = headers;
            Body = body;
        }

        /// <summary>HTTP method, upper case.</summary>
        public string Method { get; }

        /// <summary>The path as sent (still URL-encoded), e.g. <c>/ppl/api/v2/leads</c>.</summary>
        public string Path { get; }

        /// <summary>The query string as sent, without the leading '?'; empty when none.</summary>
        public string Query { get; }

        /// <summary>Status answered; 0 when the connection was dropped.</summary>
        public int Status { get; internal set; }

        /// <summary>When the request arrived.</summary>
        public DateTimeOffset At { get; }

        /// <summary>Request headers as sent (case-insensitive names; repeated headers joined with ",").</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The request body as UTF-8 text, or null when there was none.</summary>
        public string? Body { get; }

        public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} -> {Status}";
    }
}
