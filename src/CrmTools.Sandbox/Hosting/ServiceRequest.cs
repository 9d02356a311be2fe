using System;
using System.Collections.Generic;
using System.Text;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>A transport-neutral view of one HTTP request, handed to an emulated service.</summary>
    internal sealed class ServiceRequest
    {
        public ServiceRequest(string method, string rawPath, string rawQuery,
            IReadOnlyDictionary<string, string> headers, byte[] body, string? contentType)
        {
            Method = method.ToUpperInvariant();
            RawPath = rawPath;
            RawQuery = rawQuery;
            Headers = headers;
            Body = body;
            ContentType = contentType;
            Query = QueryString.Parse(rawQuery);
        }

        public string Method { get; }

        /// <summary>Path as sent, URL-encoded, starting with '/'.</summary>
        public string RawPath { get; }

        /// <summary>Query as sent, without '?'.</summary>
        public string RawQuery { get; }

        /// <summary>Decoded query pairs in order (a name may repeat).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }
        public byte[] Body { get; }
        public string? ContentType { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        public string BodyText => Body.Length == 0 ? "" : Encoding.UTF8.GetString(Body);

        public bool IsJson => ContentType != null && ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
        public bool IsForm => ContentType != null && ContentType.IndexOf("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) >= 0;
        public bool IsMultipart => ContentType != null && ContentType.IndexOf("multipart/form-data", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
