using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.Json
{
    /// <summary>
    /// JSON as plain .NET values and back, for data whose shape is open (GraphQL answers, Lime CRM properties,
    /// webhook bodies, unknown Userlike fields): objects become <see cref="OrderedDictionary"/> (field order kept),
    /// arrays object[], numbers int, long, decimal or double as ConvertFrom-Json would give them. Values like these
    /// show and filter naturally in PowerShell, which a JsonElement does not. Written once, used by every service.
    /// </summary>
    public static class PlainJson
    {
        /// <summary>A JSON value as plain .NET values.</summary>
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var p in element.EnumerateObject()) map[p.Name] = ToPlain(p.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i)) return i;
                    if (element.TryGetInt64(out var l)) return l;
                    if (element.TryGetDecimal(out var m)) return m;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>Writes a plain .NET value (dictionaries, lists, scalars) as JSON.</summary>
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
                case int or long or short or byte or sbyte or ushort or uint:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong u:
                    writer.WriteNumberValue(u);
                    break;
                case decimal d:
                    writer.WriteNumberValue(d);
                    break;
                case double or float:
                    writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                case DateTime dt:
                    writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    writer.WriteStringValue(g.ToString());
                    break;
                case Enum e:
                    writer.WriteStringValue(e.ToString());
                    break;
                case JsonElement je:
                    je.WriteTo(writer);
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
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        /// <summary>A JSON value as compact text on one line (what the feed spool stores).</summary>
        public static string Compact(JsonElement element)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) element.WriteTo(writer);
            return Encoding.UTF8.GetString(buffer.ToArray());
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
