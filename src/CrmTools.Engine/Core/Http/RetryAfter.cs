using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace CrmTools.Engine.Http
{
    /// <summary>Reads how long the service asked us to wait: Retry-After (delta seconds or HTTP-date) or a vendor header.</summary>
    internal static class RetryAfter
    {
        // ProPipelines is reported to send API-RETRY-AFTER on its quota 429.
        private static readonly string[] VendorHeaders = { "API-RETRY-AFTER", "X-Retry-After" };

        public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
        {
            var standard = response.Headers.RetryAfter;
            if (standard != null)
            {
                if (standard.Delta.HasValue) return standard.Delta.Value;
                if (standard.Date.HasValue) return Clamp(standard.Date.Value - now);
            }
            // Some servers send forms the typed header rejects (e.g. "1.5"); read the raw values too.
            foreach (var name in new[] { "Retry-After" }.Concat(VendorHeaders))
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    var parsed = Parse(values.FirstOrDefault(), now);
                    if (parsed.HasValue) return parsed;
                }
            }
            return null;
        }

        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value!.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ||
                DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                return Clamp(date - now);
            }
            return null;
        }

        private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
    }
}
