using System;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmTools.Engine.Nimble
{
    /// <summary>Request bodies and query values built from plain .NET values (hashtables, lists, strings, numbers, dates).</summary>
    internal static class NimbleJson
    {
        public static JsonNode? ToNode(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case JsonNode node:
                    return node.DeepClone();
                case string s:
                    return JsonValue.Create(s);
                case bool b:
                    return JsonValue.Create(b);
                case int i:
                    return JsonValue.Create(i);
                case long l:
                    return JsonValue.Create(l);
                case double d:
                    return JsonValue.Create(d);
                case float f:
                    return JsonValue.Create(f);
                case decimal m:
                    return JsonValue.Create(m);
                case DateTime dt:
                    return JsonValue.Create(NimbleValues.FormatDateTime(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Local) : dt)));
                case DateTimeOffset dto:
                    return JsonValue.Create(NimbleValues.FormatDateTime(dto));
                case IDictionary dictionary:
                    var obj = new JsonObject();
                    foreach (DictionaryEntry entry in dictionary) obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = ToNode(entry.Value);
                    return obj;
                case IEnumerable list:
                    var array = new JsonArray();
                    foreach (var item in list) array.Add(ToNode(item));
                    return array;
                default:
                    if (value is IConvertible convertible && value.GetType().IsPrimitive)
                    {
                        return JsonValue.Create(convertible.ToDouble(CultureInfo.InvariantCulture));
                    }
                    return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        public static string ToText(JsonNode? node) => node == null ? "null" : node.ToJsonString();

        public static byte[] ToUtf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

        /// <summary>A value as the text Nimble stores in a field.</summary>
        public static string FieldText(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            bool b => b ? "true" : "false",
            decimal m => NimbleValues.Format(m),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => NimbleValues.FormatDateTime(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Local) : dt)),
            DateTimeOffset dto => NimbleValues.FormatDateTime(dto),
            IDictionary dictionary => ToText(ToNode(dictionary)),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        public static JsonNode Parse(string json, string parameter)
        {
            try
            {
                return JsonNode.Parse(json) ?? throw new JsonException("null");
            }
            catch (JsonException ex)
            {
                throw new Errors.CrmValidationException("Nimble", parameter, $"-{parameter} is not valid JSON: {ex.Message}");
            }
        }
    }
}
