using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>
    /// Reads values as the emulated API takes them: query-string filter values (text) and JSON body values,
    /// checked against the property's type. A value that does not fit is a 400 naming the property.
    /// </summary>
    internal static class LimeCrmValues
    {
        /// <summary>The fields every limeobject has besides its properties, with the type they filter and sort as.</summary>
        public static readonly Dictionary<string, string> SystemFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["_id"] = "integer",
            ["_timestamp"] = "time",
            ["_createdtime"] = "time",
            ["_createduser"] = "integer",
            ["_updateduser"] = "integer",
            ["_descriptive"] = "string",
        };

        /// <summary>A record's value of a property or system field, as stored.</summary>
        public static object? Get(LimeRecord record, string name) => name.ToLowerInvariant() switch
        {
            "_id" => record.Id,
            "_timestamp" => record.Timestamp,
            "_createdtime" => record.Created,
            "_createduser" => (long)record.CreatedUser,
            "_updateduser" => (long)record.UpdatedUser,
            "_descriptive" => record.Type.Descriptive(record),
            _ => record.Get(name),
        };

        /// <summary>A filter value (text) as the stored form of <paramref name="type"/>; empty text is null.</summary>
        public static object? FromQuery(string name, string type, LimeProp? property, string text)
        {
            if (text.Length == 0) return null;
            switch (Kind(type))
            {
                case "text": return text;
                case "integer": return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw Bad(name, type, text);
                case "decimal": return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : throw Bad(name, type, text);
                case "yesno":
                    switch (text.ToLowerInvariant())
                    {
                        case "true": case "1": return true;
                        case "false": case "0": return false;
                        default: throw Bad(name, type, text);
                    }
                case "time": return ParseTime(text) ?? throw Bad(name, type, text);
                case "option":
                case "set":
                    var option = property!.Option(text) ?? (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                        ? property.Options.FirstOrDefault(o => o.Id == id) : null);
                    return option?.Key ?? throw LimeCrmError.BadRequest($"'{text}' is not an option of {name}. Options: {string.Join(", ", property.Options.Select(o => o.Key))}.");
                default: return text;
            }
        }

        /// <summary>A JSON body value as the stored form of the property; 400 when it does not fit.</summary>
        public static object? FromBody(LimeCrmState state, LimeTypeDef type, LimeProp p, JsonNode? node)
        {
            if (node == null) return null;
            var name = type.Name + "." + p.Name;
            var element = JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
            switch (Kind(p.Type))
            {
                case "text":
                    if (element.ValueKind != JsonValueKind.String) throw Bad(name, p.Type, element.GetRawText());
                    var text = element.GetString()!;
                    if (p.Length.HasValue && text.Length > p.Length.Value)
                        throw LimeCrmError.BadRequest($"{name} takes at most {p.Length} characters; the value has {text.Length}.");
                    return text;
                case "integer":
                    return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var l) ? l : throw Bad(name, p.Type, element.GetRawText());
                case "decimal":
                    return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var m) ? m : throw Bad(name, p.Type, element.GetRawText());
                case "yesno":
                    return element.ValueKind == JsonValueKind.True ? true : element.ValueKind == JsonValueKind.False ? false : throw Bad(name, p.Type, element.GetRawText());
                case "time":
                    return element.ValueKind == JsonValueKind.String && ParseTime(element.GetString()!) is DateTimeOffset t ? t : throw Bad(name, p.Type, element.GetRawText());
                case "option":
                    return SettableOption(name, p, element);
                case "set":
                    if (element.ValueKind != JsonValueKind.Array) throw Bad(name, p.Type, element.GetRawText());
                    return element.EnumerateArray().Select(e => SettableOption(name, p, e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                case "belongsto":
                    if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var id)) throw Bad(name, p.Type, element.GetRawText());
                    if (state.Find(p.Related!, id) == null) throw LimeCrmError.BadRequest($"{name}: there is no {p.Related} with id {id}.");
                    return id;
                default:
                    throw LimeCrmError.BadRequest($"{name} ({p.Type}) cannot be set.");
            }
        }

        /// <summary>text, integer, decimal, yesno, time, option, set, belongsto or hasmany.</summary>
        public static string Kind(string type) => type switch
        {
            "string" => "text",
            "text" => "text",
            "phone" => "text",
            "link" => "text",
            "integer" => "integer",
            "decimal" => "decimal",
            "percent" => "decimal",
            _ => type,
        };

        public static DateTimeOffset? ParseTime(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;

        /// <summary>Orders stored values of one property (nulls first).</summary>
        public static int Compare(object? a, object? b)
        {
            if (a == null) return b == null ? 0 : -1;
            if (b == null) return 1;
            return (a, b) switch
            {
                (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
                (long x, long y) => x.CompareTo(y),
                (decimal x, decimal y) => x.CompareTo(y),
                (bool x, bool y) => x.CompareTo(y),
                (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
                (List<string> x, List<string> y) => string.Compare(string.Join(",", x), string.Join(",", y), StringComparison.OrdinalIgnoreCase),
                _ => string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.Ordinal),
            };
        }

        private static string SettableOption(string name, LimeProp p, JsonElement element)
        {
            LimeOpt? option = element.ValueKind switch
            {
                JsonValueKind.String => p.Option(element.GetString()!),
                JsonValueKind.Number when element.TryGetInt32(out var id) => p.Options.FirstOrDefault(o => o.Id == id),
                JsonValueKind.Object when element.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String => p.Option(key.GetString()!),
                _ => null,
            };
            if (option == null || option.Inactive)
            {
                throw LimeCrmError.BadRequest($"{element.GetRawText()} is not an option of {name}. Options: " +
                    string.Join(", ", p.Options.Where(o => !o.Inactive).Select(o => o.Key)) + ".");
            }
            return option.Key;
        }

        private static LimeCrmError Bad(string name, string type, string value) =>
            LimeCrmError.BadRequest($"{value} is not a valid value for {name} ({type}).");
    }
}
