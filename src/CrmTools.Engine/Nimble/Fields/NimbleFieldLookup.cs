using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>Finds a tab, group, field or choice by id (exact) or else by name (case-insensitive), with errors that list what exists.</summary>
    internal static class NimbleFieldLookup
    {
        public static T Find<T>(IReadOnlyList<T> items, string idOrName, Func<T, string?> id, Func<T, string?> name, string what, string parameter, string resource)
        {
            var key = idOrName?.Trim() ?? string.Empty;
            if (key.Length == 0) throw new CrmValidationException("Nimble", parameter, $"Name the {what}.");
            var byId = items.Where(i => string.Equals(id(i), key, StringComparison.Ordinal)).ToList();
            if (byId.Count > 0) return byId[0];
            var byName = items.Where(i => string.Equals(name(i)?.Trim(), key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 1) return byName[0];
            if (byName.Count > 1)
            {
                throw new CrmValidationException("Nimble", parameter,
                    $"'{key}' names {byName.Count} of the {what}s ({string.Join(", ", byName.Select(id))}): give the id instead.");
            }
            var known = items.Select(name).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
            // Not found is ObjectNotFound (Nimble.<Resource>NotFound), as when the service answers 404.
            throw new CrmException("Nimble", CrmErrorKind.NotFound,
                $"There is no {what} '{key}'." + (known.Count > 0 ? $" There are: {string.Join(", ", known.Take(30))}{(known.Count > 30 ? ", ..." : string.Empty)}." : string.Empty))
            {
                Resource = resource,
            };
        }

        public static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);

        /// <summary>A trimmed, non-empty name of at most <paramref name="max"/> characters.</summary>
        public static string CheckName(string? name, string parameter, int max = 50)
        {
            var text = name?.Trim() ?? string.Empty;
            if (text.Length < 1 || text.Length > max) throw new CrmValidationException("Nimble", parameter, $"A name has 1 to {max} characters.");
            return text;
        }
    }
}
