using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// What to list: a limetype, filters and a sort order. Filters are property = value, with the
    /// prefixes min- and max- (ranges of numbers and times) and not- (anything but); an array value
    /// matches any of its items. The system fields _id, _timestamp, _createdtime, _createduser,
    /// _updateduser and _descriptive can be filtered and sorted on too. Everything is checked against the
    /// limetype's metadata before a request is sent.
    /// </summary>
    public sealed class LimeObjectQuery
    {
        public LimeObjectQuery(string limetype)
        {
            Limetype = limetype ?? throw new ArgumentNullException(nameof(limetype));
        }

        public string Limetype { get; }

        /// <summary>Property (optionally prefixed min-, max-, not-) to value or array of values.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary>Properties to sort by, in order; a leading "-" sorts that one descending.</summary>
        public IList<string>? Sort { get; set; }

        /// <summary>Adds a filter (used by lookups).</summary>
        internal LimeObjectQuery Where(string property, object? value)
        {
            Filter ??= new Hashtable(StringComparer.OrdinalIgnoreCase);
            Filter[property] = value;
            return this;
        }

        /// <summary>The query-string pairs, validated against <paramref name="limetype"/>.</summary>
        internal List<KeyValuePair<string, string>> ToQuery(LimeType limetype)
        {
            var query = new List<KeyValuePair<string, string>>();
            if (Filter != null)
            {
                foreach (DictionaryEntry entry in Filter)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                    var (prefix, propertyName) = SplitPrefix(name);
                    var property = Property(limetype, propertyName, "Filter");
                    if ((prefix == LimeCrmWire.MinPrefix || prefix == LimeCrmWire.MaxPrefix) &&
                        property.Kind != LimeValueKind.Integer && property.Kind != LimeValueKind.Decimal && property.Kind != LimeValueKind.Time)
                    {
                        throw LimeValues.Error("InvalidFilter", $"The filter '{name}' needs a number or time property; Lime CRM property " +
                            $"'{property.QualifiedName}' is {property.Type}. Filter it as '{propertyName}' or '{LimeCrmWire.NotPrefix}{propertyName}'.");
                    }
                    if (property.Kind == LimeValueKind.HasMany)
                    {
                        throw LimeValues.Error("InvalidFilter", $"Lime CRM property '{property.QualifiedName}' is a {property.Type} relation and cannot be filtered on here; " +
                            $"filter the {property.RelatedLimetype ?? "related"} limetype instead.");
                    }
                    foreach (var item in Values(entry.Value))
                    {
                        var coerced = item == null ? null : LimeValues.Coerce(property, item, LimeValueUse.Filter);
                        if (coerced is LimeRelationLookup)
                        {
                            throw LimeValues.Error("InvalidFilter", $"Filter the relation '{property.QualifiedName}' by the related object's id or the object itself.");
                        }
                        var text = coerced switch
                        {
                            null => string.Empty,
                            LimeOption[] set => string.Join(",", set.Select(o => o.Key)),
                            _ => LimeValues.FormatForQuery(coerced),
                        };
                        query.Add(new KeyValuePair<string, string>(prefix + property.Name, text));
                    }
                }
            }
            if (Sort != null && Sort.Count > 0)
            {
                var keys = new List<(string, bool)>();
                foreach (var raw in Sort)
                {
                    var key = raw?.Trim() ?? string.Empty;
                    var descending = key.StartsWith("-", StringComparison.Ordinal);
                    if (descending || key.StartsWith("+", StringComparison.Ordinal)) key = key.Substring(1);
                    keys.Add((Property(limetype, key, "Sort").Name, descending));
                }
                query.Add(new KeyValuePair<string, string>(LimeCrmWire.SortParameter, LimeCrmWire.FormatSort(keys)));
            }
            return query;
        }

        internal static (string Prefix, string Property) SplitPrefix(string name)
        {
            foreach (var prefix in new[] { LimeCrmWire.MinPrefix, LimeCrmWire.MaxPrefix, LimeCrmWire.NotPrefix })
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return (prefix, name.Substring(prefix.Length));
            }
            return (string.Empty, name);
        }

        /// <summary>A property of the limetype or one of the filterable system fields.</summary>
        internal static LimeProperty Property(LimeType limetype, string name, string parameter)
        {
            var property = limetype.FindProperty(name) ?? SystemProperty(limetype.Name, name);
            if (property != null) return property;
            throw new CrmValidationException(LimeCrmWire.ServicePrefix, parameter,
                $"Lime CRM limetype '{limetype.Name}' has no property '{name}'. Its properties: " +
                string.Join(", ", limetype.Properties.Select(p => p.Name)) + "; and _id, _timestamp, _createdtime, _createduser, _updateduser, _descriptive.")
            { ErrorId = "UnknownProperty" };
        }

        private static LimeProperty? SystemProperty(string limetype, string name)
        {
            string? type = name.ToLowerInvariant() switch
            {
                "_id" => "integer",
                "_createduser" => "integer",
                "_updateduser" => "integer",
                "_timestamp" => "time",
                "_createdtime" => "time",
                "_descriptive" => "string",
                _ => null,
            };
            return type == null ? null : new LimeProperty(limetype, name.ToLowerInvariant(), null, type, false, null,
                Array.Empty<LimeOption>(), null, readOnly: false, additional: null);
        }

        private static IEnumerable<object?> Values(object? value)
        {
            if (value is IEnumerable list && !(value is string) && !(value is IDictionary)) return list.Cast<object?>();
            return new[] { value };
        }

        public override string ToString() => Limetype;
    }
}
