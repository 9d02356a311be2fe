using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrmTools.Engine.Nimble
{
    /// <summary>Value formats Nimble uses on the wire, in one place.</summary>
    internal static class NimbleValues
    {
        public static decimal? ParseDecimal(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            return decimal.TryParse(text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
        }

        public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Dates Nimble stores in date fields (expected close date, task due date): ISO date and time in UTC.</summary>
        public static string FormatDateTime(DateTimeOffset value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public static string FormatDate(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Contact tags on creation are one comma-separated string; a comma inside a tag is escaped with a backslash
    /// (<c>our customers,best\,premium</c>), and at most 5 tags are accepted (documented).
    /// </summary>
    public static class NimbleTags
    {
        public const int MaxTagsOnCreate = 5;

        public static string Join(IEnumerable<string> tags) =>
            string.Join(",", tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().Replace("\\", "\\\\").Replace(",", "\\,")));

        public static IReadOnlyList<string> Split(string? text)
        {
            var tags = new List<string>();
            if (string.IsNullOrEmpty(text)) return tags;
            var current = new StringBuilder();
            for (int i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else if (c == ',')
                {
                    Add(tags, current);
                }
                else
                {
                    current.Append(c);
                }
            }
            Add(tags, current);
            return tags;
        }

        private static void Add(List<string> tags, StringBuilder current)
        {
            var tag = current.ToString().Trim();
            if (tag.Length > 0) tags.Add(tag);
            current.Clear();
        }
    }
}
