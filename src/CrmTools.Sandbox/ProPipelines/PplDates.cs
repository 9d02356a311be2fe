using System;
using System.Globalization;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>Date text in and out. The account's time zone is UTC, so "local" times are UTC too.</summary>
    internal static class PplDates
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm",
        };

        /// <summary>Parses ISO-8601 (with or without fraction and zone), "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD".</summary>
        public static bool TryParse(string? text, out DateTime utc, out bool dateOnly)
        {
            utc = default;
            dateOnly = false;
            if (string.IsNullOrWhiteSpace(text)) return false;
            text = text!.Trim();
            var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out utc))
            {
                utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
                dateOnly = true;
                return true;
            }
            if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles, out var dto))
            {
                utc = dto.UtcDateTime;
                return true;
            }
            // An unencoded "+02:00" offset arrives as " 02:00" once the query string is decoded.
            int t = text.IndexOf('T');
            if (t > 0 && text.IndexOf(' ', t) > t
                && DateTimeOffset.TryParseExact(text.Replace(' ', '+'), Formats, CultureInfo.InvariantCulture, styles, out dto))
            {
                utc = dto.UtcDateTime;
                return true;
            }
            return false;
        }

        public static string Format(DateTime utc) =>
            utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        public static string? Format(DateTime? utc) => utc == null ? null : Format(utc.Value);

        public static string? FormatDate(DateTime? date) =>
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
