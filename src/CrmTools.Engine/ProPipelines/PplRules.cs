using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>Documented rules and wire formats shared by several ProPipelines endpoints.</summary>
    public static class PplRules
    {
        public static readonly IReadOnlyList<string> Directions = new[] { "asc", "desc" };

        /// <summary>"Parameter user_id should not be used with USER token": fail before sending.</summary>
        internal static void CheckUserIdAllowed(PplConnection connection, string parameter)
        {
            if (connection.HasUserToken)
            {
                throw new CrmValidationException("Ppl", parameter,
                    $"-{parameter} cannot be used with a user token (the service answers \"Parameter user_id should not be used with USER token.\"). " +
                    "Connect with the API key to act for another user.") { ErrorId = "UserIdWithUserToken" };
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is one of <paramref name="allowed"/> (case-insensitive).</summary>
        internal static string? CheckSet(string parameter, string? value, IReadOnlyList<string> allowed)
        {
            if (value == null) return null;
            var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                throw new CrmValidationException("Ppl", parameter, $"'{value}' is not a valid {parameter}. Allowed: {string.Join(", ", allowed)}.");
            }
            return match;
        }

        /// <summary>Lists (tags, user ids) as the service wants them: trimmed, no empties or repeats, "a,b" split (a CSV column holds several).</summary>
        internal static string[]? SplitList(IEnumerable<string>? tags)
        {
            if (tags == null) return null;
            return tags.Where(t => t != null)
                .SelectMany(t => t.Split(','))
                .Select(t => t.Trim())
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
        }

        /// <summary>The documented UTC form YYYY-MM-DDTHH:MM:SS.sssZ.</summary>
        internal static string? FormatUtc(DateTimeOffset? value) =>
            value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>A calendar date (YYYY-MM-DD) as given: the service reads it in the account's time zone.</summary>
        internal static string? FormatDate(DateTime? value) =>
            value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        internal static string? Lower(string? value) => value?.Trim().ToLowerInvariant();
    }
}
