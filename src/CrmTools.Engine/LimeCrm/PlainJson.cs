using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// JSON as plain .NET values and back: objects as Dictionary&lt;string, object?&gt;, arrays as object?[],
    /// whole numbers as long, other numbers as decimal (double beyond its range), text, booleans, null.
    /// Values like these show and filter naturally in PowerShell, which a JsonElement does not.
    /// </summary>
    internal static class PlainJson
    {
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in element.EnumerateObject()) map[p.Name] = ToPlain(p.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray()) list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var whole)) return whole;
                    if (element.TryGetDecimal(out var number)) return number;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>Writes a tree of dictionaries, lists and primitives (what PowerShell objects unwrap to) as JSON.</summary>
        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case JsonElement e:
                    e.WriteTo(writer);
                    break;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                    break;
                case DateTime dt:
                    writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                    break;
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong u:
                    writer.WriteNumberValue(u);
                    break;
                case float f:
                    writer.WriteNumberValue(f);
                    break;
                case double d:
                    writer.WriteNumberValue(d);
                    break;
                case decimal m:
                    writer.WriteNumberValue(m);
                    break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    /// <summary>A field whose shape varies or is undocumented: kept as plain values (see <see cref="PlainJson"/>).</summary>
    public sealed class PlainJsonConverter : JsonConverter<object?>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return PlainJson.ToPlain(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => PlainJson.Write(writer, value);

        public override bool HandleNull => true;
    }
}
