using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>How strictly a value is taken.</summary>
    internal enum LimeValueUse
    {
        /// <summary>A value to write, as the user gave it: anything that does not fit is an error.</summary>
        Write,
        /// <summary>A value to write that came from elsewhere (a chat transcript): text longer than the property allows is cut.</summary>
        WriteTruncating,
        /// <summary>A filter value.</summary>
        Filter,
    }

    /// <summary>A relation to be found by a unique value of the related limetype (resolved before sending).</summary>
    public sealed class LimeRelationLookup
    {
        internal LimeRelationLookup(string limetype, IReadOnlyList<KeyValuePair<string, object?>> criteria, string? naturalKey)
        {
            Limetype = limetype;
            Criteria = criteria;
            NaturalKey = naturalKey;
        }

        /// <summary>The related limetype.</summary>
        public string Limetype { get; }

        /// <summary>property = value pairs the one related object must match.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Criteria { get; }

        /// <summary>A bare text: matched to the related limetype's e-mail (when it looks like one) or name.</summary>
        public string? NaturalKey { get; }

        public override string ToString() =>
            NaturalKey != null ? $"{Limetype} '{NaturalKey}'" : $"{Limetype} where " + string.Join(" and ", Criteria.Select(c => $"{c.Key} = '{c.Value}'"));
    }

    /// <summary>
    /// Checks a value against a property's metadata and turns it into what goes on the wire: text (within
    /// its length), long, decimal, bool, DateTimeOffset, one of the property's options, an array of them, a
    /// related id or a <see cref="LimeRelationLookup"/>. Takes what PowerShell users naturally give: numbers
    /// and dates as text (Import-Csv), option keys or texts, related objects, [datetime] values. Every
    /// error names the limetype, the property and what is allowed.
    /// </summary>
    internal static class LimeValues
    {
        public static object? Coerce(LimeProperty property, object? value, LimeValueUse use)
        {
            if (use != LimeValueUse.Filter && !property.IsWritable)
            {
                throw Error("PropertyNotWritable", $"Lime CRM property '{property.QualifiedName}' ({property.Type}) cannot be set" +
                    (property.Kind == LimeValueKind.HasMany ? $": set it from the {property.RelatedLimetype ?? "other"} side of the relation." : ": it is read-only."));
            }
            if (value == null || (value is string empty && empty.Length == 0 && property.Kind != LimeValueKind.Text))
            {
                return null;
            }
            switch (property.Kind)
            {
                case LimeValueKind.Text:
                    return CoerceText(property, value, use);
                case LimeValueKind.Integer:
                    return ToInteger(value) ?? throw Mismatch(property, value);
                case LimeValueKind.Decimal:
                    return ToDecimal(value) ?? throw Mismatch(property, value);
                case LimeValueKind.YesNo:
                    return ToBool(value) ?? throw Mismatch(property, value);
                case LimeValueKind.Time:
                    return ToTime(value) ?? throw Mismatch(property, value);
                case LimeValueKind.Option:
                    if (value is string || value is LimeOption || IsInteger(value)) return CoerceOption(property, value, use);
                    throw Mismatch(property, value);
                case LimeValueKind.Set:
                    return Items(value).Select(v => CoerceOption(property, v, use)).Distinct().ToArray();
                case LimeValueKind.BelongsTo:
                case LimeValueKind.HasMany:
                    return CoerceRelation(property, value);
                default:
                    return value is IDictionary || value is LimeObject ? throw Mismatch(property, value) : value;
            }
        }

        /// <summary>The text a coerced value takes in a query string.</summary>
        public static string FormatForQuery(object value) => value switch
        {
            string s => s,
            bool b => LimeCrmWire.FormatBool(b),
            long l => LimeCrmWire.FormatNumber(l),
            decimal m => LimeCrmWire.FormatNumber(m),
            DateTimeOffset t => LimeCrmWire.FormatTime(t),
            LimeOption o => o.Key,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        /// <summary>How a value reads in messages (-WhatIf, errors): text quoted and shortened.</summary>
        public static string Describe(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string s:
                    var line = s.Replace("\r", string.Empty).Replace('\n', ' ');
                    return "'" + (line.Length > 60 ? line.Substring(0, 57) + "..." : line) + "'";
                case DateTimeOffset t: return t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
                case LimeOption[] set: return "[" + string.Join(", ", set.Select(o => o.Key)) + "]";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? string.Empty;
            }
        }

        internal static CrmValidationException Error(string errorId, string message) =>
            new CrmValidationException(LimeCrmWire.ServicePrefix, "Property", message) { ErrorId = errorId };

        private static object CoerceText(LimeProperty property, object value, LimeValueUse use)
        {
            string text;
            switch (value)
            {
                case string s: text = s; break;
                case char c: text = c.ToString(); break;
                case bool b: text = b ? "true" : "false"; break;
                case DateTime dt: text = LimeCrmWire.FormatTime(AsOffset(dt)); break;
                case DateTimeOffset dto: text = LimeCrmWire.FormatTime(dto); break;
                case LimeOption o: text = o.Key; break;
                case IFormattable f when !(value is Enum): text = f.ToString(null, CultureInfo.InvariantCulture); break;
                case Enum e: text = e.ToString(); break;
                case Guid g: text = g.ToString(); break;
                default: throw Mismatch(property, value);
            }
            if (property.Length.HasValue && text.Length > property.Length.Value)
            {
                if (use == LimeValueUse.WriteTruncating) return text.Substring(0, property.Length.Value);
                throw Error("ValueTooLong", $"Lime CRM property '{property.QualifiedName}' takes at most {property.Length} characters; " +
                    $"{Describe(text)} has {text.Length}.");
            }
            return text;
        }

        private static LimeOption CoerceOption(LimeProperty property, object? value, LimeValueUse use)
        {
            LimeOption? option = value switch
            {
                LimeOption given => property.FindOption(given.Key),
                string text => property.FindOption(text.Trim()),
                _ when ToInteger(value) is long id => property.FindOption(id),
                _ => null,
            };
            if (option == null)
            {
                throw Error("OptionNotAllowed", $"Lime CRM property '{property.QualifiedName}' does not allow {Describe(value is LimeOption o ? o.Key : value)}. " +
                    $"Allowed: {AllowedOptions(property)}.");
            }
            if (option.Inactive && use != LimeValueUse.Filter)
            {
                throw Error("OptionNotAllowed", $"The option '{option.Key}' of Lime CRM property '{property.QualifiedName}' is inactive and cannot be set. " +
                    $"Allowed: {AllowedOptions(property)}.");
            }
            return option;
        }

        private static object CoerceRelation(LimeProperty property, object value)
        {
            var related = property.RelatedLimetype;
            switch (value)
            {
                case LimeObject obj:
                    if (related != null && !string.Equals(obj.Limetype, related, StringComparison.OrdinalIgnoreCase))
                    {
                        throw Error("InvalidPropertyValue", $"Lime CRM property '{property.QualifiedName}' relates to a {related}; {obj} is a {obj.Limetype}.");
                    }
                    return obj.Id;
                case IDictionary criteria when related != null:
                    if (criteria.Count == 0) throw Mismatch(property, value);
                    var pairs = criteria.Cast<DictionaryEntry>()
                        .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value))
                        .ToList();
                    return new LimeRelationLookup(related, pairs, null);
                case string text when related != null && ToInteger(text) == null:
                    return new LimeRelationLookup(related, Array.Empty<KeyValuePair<string, object?>>(), text.Trim());
                default:
                    var id = ToInteger(value);
                    if (id is long n && n > 0) return n;
                    throw Mismatch(property, value);
            }
        }

        private static string AllowedOptions(LimeProperty property)
        {
            var active = property.Options.Where(o => !o.Inactive).Select(o => o.Describe()).ToList();
            return active.Count == 0 ? "(the property has no options)" : string.Join(", ", active);
        }

        private static CrmValidationException Mismatch(LimeProperty property, object value) =>
            Error("InvalidPropertyValue", $"Lime CRM property '{property.QualifiedName}' ({property.Type}) takes {Takes(property)}; " +
                $"{Describe(value)} ({value.GetType().Name}) is not that.");

        private static string Takes(LimeProperty property) => property.Kind switch
        {
            LimeValueKind.BelongsTo => $"a related {property.RelatedLimetype ?? "object"}: its id, the object, or @{{ property = unique value }}",
            LimeValueKind.Option => "one of " + property.Allowed,
            LimeValueKind.Set => "options from " + property.Allowed,
            _ => property.Allowed,
        };

        private static IEnumerable<object?> Items(object value)
        {
            if (value is string text)
            {
                // A set as one text (from a CSV file): "a;b" or "a,b".
                return text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(t => (object?)t.Trim());
            }
            if (value is IEnumerable list && !(value is IDictionary)) return list.Cast<object?>().Where(v => v != null);
            return new[] { value };
        }

        private static bool IsInteger(object value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint || value is long || value is ulong;

        internal static long? ToInteger(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s:
                    return long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
                case ulong u: return u <= long.MaxValue ? (long)u : (long?)null;
                case float _:
                case double _:
                case decimal _:
                    var d = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    return decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue ? (long)d : (long?)null;
                default:
                    return IsInteger(value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : (long?)null;
            }
        }

        private static decimal? ToDecimal(object value)
        {
            switch (value)
            {
                case string s:
                    return decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
                case float f when float.IsNaN(f) || float.IsInfinity(f):
                case double d when double.IsNaN(d) || double.IsInfinity(d):
                    return null;
                case float _:
                case double _:
                case decimal _:
                    try
                    {
                        return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException)
                    {
                        return null;
                    }
                default:
                    return IsInteger(value) ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : (decimal?)null;
            }
        }

        private static bool? ToBool(object value)
        {
            switch (value)
            {
                case bool b: return b;
                case string s:
                    switch (s.Trim().ToLowerInvariant())
                    {
                        case "true": case "yes": case "1": return true;
                        case "false": case "no": case "0": return false;
                        default: return null;
                    }
                default:
                    var n = ToInteger(value);
                    return n == 1 ? true : n == 0 ? false : (bool?)null;
            }
        }

        private static DateTimeOffset? ToTime(object value)
        {
            switch (value)
            {
                case DateTimeOffset dto: return dto;
                case DateTime dt: return AsOffset(dt);
                case string s:
                    // Text without a zone means local time, as Get-Date does; with a zone it is exact.
                    if (DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local)) return local;
                    return FlexibleDateTimeOffsetConverter.Parse(s);
                default: return null;
            }
        }

        // [datetime] from PowerShell is usually Unspecified: read it as local time, as Get-Date does.
        private static DateTimeOffset AsOffset(DateTime value) =>
            new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Local) : value);
    }
}
