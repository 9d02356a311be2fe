using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmTools.Engine.Diagnostics
{
    /// <summary>
    /// Removes credentials from anything that may be shown: URLs, headers, bodies and free text.
    /// Two layers: known sensitive names (query keys, headers, JSON/form fields) are masked by
    /// name, and every <see cref="Secret"/> value ever created is masked wherever it appears.
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        private static readonly ConcurrentDictionary<string, byte> KnownSecrets = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        private static readonly HashSet<string> SensitiveNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "apikey", "api_key", "api-key", "key", "access_token", "refresh_token", "id_token", "token",
            "client_secret", "password", "passwd", "secret", "code", "authorization", "user_token", "session",
        };

        private static readonly HashSet<string> SensitiveHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "X-API-KEY", "X-USER-TOKEN", "X-Nimble-Token", "Cookie", "Set-Cookie",
        };

        // "name": "value" pairs in JSON whose name is sensitive (also matches e.g. "accessToken").
        private static readonly Regex JsonField = new Regex(
            "(\"(?:[A-Za-z_-]*(?:token|password|passwd|secret|api_?key|apikey)[A-Za-z_-]*|code)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // name=value pairs in query strings and form bodies.
        private static readonly Regex FormField = new Regex(
            "(^|[?&])([^=&?#\\s]+)=([^&#\\s]*)",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>Registers a value that must never be shown (done by <see cref="Secret"/>).</summary>
        public static void RegisterSecret(string value)
        {
            // Very short values would mask innocent text; no real key or token is that short.
            if (!string.IsNullOrEmpty(value) && value.Length >= 6) KnownSecrets.TryAdd(value, 0);
        }

        public static bool IsSensitiveHeader(string name) => SensitiveHeaders.Contains(name);

        public static bool IsSensitiveName(string name) => SensitiveNames.Contains(name);

        /// <summary>A URL with the values of sensitive query parameters masked.</summary>
        public static string RedactUrl(Uri? uri) => uri == null ? string.Empty : RedactUrl(uri.ToString());

        public static string RedactUrl(string url)
        {
            if (string.IsNullOrEmpty(url)) return url;
            var q = url.IndexOf('?');
            string result;
            if (q < 0)
            {
                result = url;
            }
            else
            {
                var head = url.Substring(0, q);
                var query = FormField.Replace(url.Substring(q), m => IsSensitiveName(Uri.UnescapeDataString(m.Groups[2].Value))
                    ? m.Groups[1].Value + m.Groups[2].Value + "=" + Mask
                    : m.Value);
                result = head + query;
            }
            // user:password@host
            result = Regex.Replace(result, "^([a-z]+://)[^/@]+@", "$1" + Mask + "@", RegexOptions.IgnoreCase);
            return Scrub(result);
        }

        /// <summary>A header value fit for display.</summary>
        public static string RedactHeader(string name, string value) =>
            IsSensitiveHeader(name) ? MaskHeaderValue(value) : Scrub(value);

        private static string MaskHeaderValue(string value)
        {
            // Keep the scheme ("Bearer ***", "go-api:***") so a reader can tell which auth style was used.
            var space = value.IndexOf(' ');
            if (space > 0 && space < 20) return value.Substring(0, space + 1) + Mask;
            var colon = value.IndexOf(':');
            if (colon > 0 && colon < 20 && !value.Contains("@")) return value.Substring(0, colon + 1) + Mask;
            return Mask;
        }

        /// <summary>A request or response body fit for display (JSON or form-encoded).</summary>
        public static string RedactBody(string? body)
        {
            if (string.IsNullOrEmpty(body)) return body ?? string.Empty;
            var text = JsonField.Replace(body, m => m.Groups[1].Value + "\"" + Mask + "\"");
            var trimmed = text.TrimStart();
            if (trimmed.Length > 0 && trimmed[0] != '{' && trimmed[0] != '[' && trimmed.Contains("="))
            {
                text = FormField.Replace(text, m => IsSensitiveName(Uri.UnescapeDataString(m.Groups[2].Value))
                    ? m.Groups[1].Value + m.Groups[2].Value + "=" + Mask
                    : m.Value);
            }
            return Scrub(text);
        }

        /// <summary>Masks every registered secret value (and its URL-encoded form) in free text.</summary>
        public static string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text) || KnownSecrets.IsEmpty) return text ?? string.Empty;
            StringBuilder? sb = null;
            foreach (var secret in KnownSecrets.Keys)
            {
                var current = sb?.ToString() ?? text!;
                var encoded = Uri.EscapeDataString(secret);
                if (current.IndexOf(secret, StringComparison.Ordinal) < 0 &&
                    (encoded == secret || current.IndexOf(encoded, StringComparison.Ordinal) < 0))
                {
                    continue;
                }
                sb = new StringBuilder(current.Replace(secret, Mask));
                if (encoded != secret) sb.Replace(encoded, Mask);
            }
            return sb?.ToString() ?? text!;
        }

        /// <summary>Shortens long text for logs.</summary>
        public static string Truncate(string text, int max = 4096) =>
            text.Length <= max ? text : text.Substring(0, max) + $"... ({text.Length - max} more characters)";

        internal static IEnumerable<string> RegisteredSecretsForTests() => KnownSecrets.Keys.ToArray();
    }
}
