using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// Reads a limeobject: flat properties plus _id, _timestamp, _descriptive, _createdtime, _createduser,
    /// _updateduser and _links. Each value is typed by its property's kind; a field the metadata does not
    /// name (a property added since, or another underscore field) is kept as plain JSON values.
    /// </summary>
    internal static class LimeObjectReader
    {
        public static LimeObject Read(JsonElement element, LimeType limetype)
        {
            if (element.ValueKind != JsonValueKind.Object) throw new JsonException("A limeobject must be a JSON object.");
            long id = 0;
            var values = new List<KeyValuePair<string, object?>>();
            var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
            string? descriptive = null;
            DateTimeOffset? timestamp = null, created = null;
            long? createdUser = null, updatedUser = null;
            foreach (var field in element.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "_id":
                        id = Integer(field.Value) ?? throw new JsonException("The limeobject's _id is not a number.");
                        break;
                    case "_descriptive":
                        descriptive = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : null;
                        break;
                    case "_timestamp":
                        timestamp = Time(field.Value);
                        break;
                    case "_createdtime":
                        created = Time(field.Value);
                        break;
                    case "_createduser":
                        createdUser = Integer(field.Value);
                        break;
                    case "_updateduser":
                        updatedUser = Integer(field.Value);
                        break;
                    case "_links":
                        ReadLinks(field.Value, links);
                        break;
                    default:
                        var property = limetype.FindProperty(field.Name);
                        values.Add(new KeyValuePair<string, object?>(field.Name,
                            property == null ? PlainJson.ToPlain(field.Value) : ReadValue(property, field.Value)));
                        break;
                }
            }
            if (id == 0) throw new JsonException("The limeobject has no _id.");
            return new LimeObject(limetype.Name, id, values, links)
            {
                Descriptive = descriptive,
                Timestamp = timestamp,
                CreatedTime = created,
                CreatedUser = createdUser,
                UpdatedUser = updatedUser,
            };
        }

        /// <summary>The limeobjects of a HAL list: _embedded.limeobjects.</summary>
        public static IEnumerable<JsonElement> Items(JsonElement answer)
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("_embedded", out var embedded) &&
                embedded.ValueKind == JsonValueKind.Object && embedded.TryGetProperty("limeobjects", out var list) &&
                list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray()) yield return item;
            }
        }

        /// <summary>The next page's address of a HAL list (_links.next.href), or null on the last page.</summary>
        public static string? NextLink(JsonElement answer)
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("_links", out var links) &&
                links.ValueKind == JsonValueKind.Object && links.TryGetProperty("next", out var next))
            {
                if (next.ValueKind == JsonValueKind.Object && next.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String)
                    return href.GetString();
                if (next.ValueKind == JsonValueKind.String) return next.GetString();
            }
            return null;
        }

        private static object? ReadValue(LimeProperty property, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            switch (property.Kind)
            {
                case LimeValueKind.Text:
                    return value.ValueKind == JsonValueKind.String ? value.GetString() : PlainJson.ToPlain(value);
                case LimeValueKind.Integer:
                case LimeValueKind.BelongsTo:
                    return Integer(value) ?? PlainJson.ToPlain(value);
                case LimeValueKind.Decimal:
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
                    if (value.ValueKind == JsonValueKind.String &&
                        decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return parsed;
                    return PlainJson.ToPlain(value);
                case LimeValueKind.YesNo:
                    if (value.ValueKind == JsonValueKind.True) return true;
                    if (value.ValueKind == JsonValueKind.False) return false;
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var flag)) return flag != 0;
                    return PlainJson.ToPlain(value);
                case LimeValueKind.Time:
                    return Time(value) ?? PlainJson.ToPlain(value);
                case LimeValueKind.Option:
                    return Option(property, value) ?? PlainJson.ToPlain(value);
                case LimeValueKind.Set:
                    if (value.ValueKind != JsonValueKind.Array) return Option(property, value) is LimeOption single ? new[] { single } : PlainJson.ToPlain(value);
                    var options = new List<LimeOption>();
                    foreach (var item in value.EnumerateArray())
                    {
                        var option = Option(property, item);
                        if (option != null) options.Add(option);
                    }
                    return options.ToArray();
                default:
                    return PlainJson.ToPlain(value);
            }
        }

        /// <summary>An option value: {id, key, text} (a bare key or id is looked up in the metadata).</summary>
        private static LimeOption? Option(LimeProperty property, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    return LimeTypeReader.ReadOption(value);
                case JsonValueKind.String:
                    var key = value.GetString()!;
                    return property.FindOption(key) ?? new LimeOption(null, key, null);
                case JsonValueKind.Number when value.TryGetInt64(out var id):
                    return property.FindOption(id);
                default:
                    return null;
            }
        }

        private static void ReadLinks(JsonElement element, Dictionary<string, Uri> links)
        {
            if (element.ValueKind != JsonValueKind.Object) return;
            foreach (var link in element.EnumerateObject())
            {
                var href = link.Value.ValueKind == JsonValueKind.Object && link.Value.TryGetProperty("href", out var h) && h.ValueKind == JsonValueKind.String
                    ? h.GetString()
                    : link.Value.ValueKind == JsonValueKind.String ? link.Value.GetString() : null;
                if (href != null && Uri.TryCreate(href, UriKind.RelativeOrAbsolute, out var uri)) links[link.Name] = uri;
            }
        }

        private static long? Integer(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)) return n;
            if (value.ValueKind == JsonValueKind.String &&
                long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            return null;
        }

        private static DateTimeOffset? Time(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? FlexibleDateTimeOffsetConverter.Parse(value.GetString()) : null;
    }
}
