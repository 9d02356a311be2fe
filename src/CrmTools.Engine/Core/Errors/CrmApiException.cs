using System;
using System.Globalization;
using System.Text;

namespace CrmTools.Engine.Errors
{
    /// <summary>
    /// A request that failed at the service or on the wire: the HTTP status, the service's own
    /// message and code, the method and the (redacted) URL.
    /// </summary>
    public sealed class CrmApiException : CrmException
    {
        public CrmApiException(string service, CrmErrorKind kind, string method, string redactedUrl, int? statusCode,
            string? serviceMessage, string? serviceCode, Exception? inner = null)
            : base(service, kind, Compose(service, method, redactedUrl, statusCode, serviceMessage, serviceCode, kind), inner)
        {
            Method = method;
            Url = redactedUrl;
            StatusCode = statusCode;
            ServiceMessage = serviceMessage;
            ServiceCode = serviceCode;
        }

        public string Method { get; }

        /// <summary>The request URL with credentials removed.</summary>
        public string Url { get; }

        /// <summary>HTTP status, or null when no response arrived (timeout, dropped connection).</summary>
        public int? StatusCode { get; }

        /// <summary>The service's own error message.</summary>
        public string? ServiceMessage { get; }

        /// <summary>The service's own error code or type (e.g. unauthorized_invalid_token, 245).</summary>
        public string? ServiceCode { get; }

        /// <summary>When the service said to come back, if it did.</summary>
        public TimeSpan? RetryAfter { get; set; }

        /// <summary>The response body (redacted, truncated), for diagnosis.</summary>
        public string? ResponseBody { get; set; }

        /// <summary>How many attempts were made before giving up.</summary>
        public int Attempts { get; set; } = 1;

        private static string Compose(string service, string method, string url, int? status, string? message, string? code, CrmErrorKind kind)
        {
            var sb = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(message)) sb.Append(message!.Trim());
            else sb.Append(DefaultText(kind, status));
            if (!string.IsNullOrWhiteSpace(code)) sb.Append(" [").Append(code).Append(']');
            sb.Append(" (");
            if (status.HasValue) sb.Append("HTTP ").Append(status.Value.ToString(CultureInfo.InvariantCulture)).Append(", ");
            sb.Append(method).Append(' ').Append(url).Append(')');
            return sb.ToString();
        }

        private static string DefaultText(CrmErrorKind kind, int? status) => kind switch
        {
            CrmErrorKind.Timeout => "The request timed out.",
            CrmErrorKind.ConnectionFailed => "The service could not be reached or closed the connection.",
            CrmErrorKind.NotFound => "The object was not found.",
            CrmErrorKind.Unauthorized => "The credentials were rejected.",
            CrmErrorKind.Forbidden => "Access denied.",
            CrmErrorKind.RateLimited => "Too many requests.",
            CrmErrorKind.QuotaExceeded => "The account's request quota is used up.",
            _ => status.HasValue ? "The request failed." : "The request failed before a response arrived.",
        };

        /// <summary>The kind that an HTTP status means.</summary>
        public static CrmErrorKind KindFromStatus(int status) => status switch
        {
            400 => CrmErrorKind.InvalidRequest,
            422 => CrmErrorKind.InvalidRequest,
            409 => CrmErrorKind.Conflict,
            401 => CrmErrorKind.Unauthorized,
            403 => CrmErrorKind.Forbidden,
            404 => CrmErrorKind.NotFound,
            402 => CrmErrorKind.QuotaExceeded,
            429 => CrmErrorKind.RateLimited,
            408 => CrmErrorKind.Timeout,
            504 => CrmErrorKind.Timeout,
            _ when status >= 500 => CrmErrorKind.ServerError,
            _ => CrmErrorKind.Other,
        };
    }
}
