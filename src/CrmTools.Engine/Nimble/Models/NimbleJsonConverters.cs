using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>
    /// Tags as Nimble sends them: the OpenAPI description says a list of strings, the vendor document and live
    /// contacts show <c>[{"tag": "vip", "id": "..."}]</c>. Both are read as the tag texts.
    /// </summary>
    public sealed class NimbleTagListConverter : JsonConverter<string[]?>
    {
        public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var tags = new List<string>();
            if (root.ValueKind == JsonValueKind.String)
            {
                // A comma-separated string (the form contacts are created with).
                foreach (var t in NimbleTags.Split(root.GetString())) tags.Add(t);
                return tags.ToArray();
            }
            if (root.ValueKind != JsonValueKind.Array) return null;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) tags.Add(item.GetString()!);
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in new[] { "tag", "name", "text" })
                    {
                        if (item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                        {
                            tags.Add(v.GetString()!);
                            break;
                        }
                    }
                }
            }
            return tags.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, string[]? value, JsonSerializerOptions options)
        {
            if (value == null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var v in value) writer.WriteStringValue(v);
            writer.WriteEndArray();
        }
    }

    /// <summary>A number that may arrive as a number, a numeric string, an empty string or null.</summary>
    public sealed class FlexibleDecimalConverter : JsonConverter<decimal?>
    {
        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return reader.TryGetDecimal(out var d) ? d : (decimal?)null;
                case JsonTokenType.String:
                    return NimbleValues.ParseDecimal(reader.GetString());
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteNumberValue(value.Value); else writer.WriteNullValue();
        }
    }
}
