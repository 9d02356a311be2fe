using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Json;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>
    /// Lenient reading of the fields metadata that contacts and deal pipelines share: strings that may come as
    /// numbers, lists that may come as one object, field types that may be an object ({"field_kind", "values"})
    /// or just the kind's name, choices as {"values": [...]} or a bare list of {"id", "value"} or strings.
    /// </summary>
    internal static class NimbleFieldJson
    {
        public static string? Text(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
        }

        public static bool Bool(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return false;
            return v.ValueKind == JsonValueKind.True ||
                   (v.ValueKind == JsonValueKind.String && (v.GetString() == "true" || v.GetString() == "1")) ||
                   (v.ValueKind == JsonValueKind.Number && v.GetRawText() != "0");
        }

        /// <summary>"person" or ["person", "company"] as a list.</summary>
        public static IReadOnlyList<string> Strings(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return System.Array.Empty<string>();
            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString()!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList();
            }
            return v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : (IReadOnlyList<string>)System.Array.Empty<string>();
        }

        public static IEnumerable<JsonElement> Array(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return Enumerable.Empty<JsonElement>();
            if (v.ValueKind == JsonValueKind.Array) return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList();
            return v.ValueKind == JsonValueKind.Object ? new[] { v } : Enumerable.Empty<JsonElement>();
        }

        /// <summary>A tab's members: a list in the examples, a single member in one schema.</summary>
        public static IEnumerable<JsonElement> Members(JsonElement tab) => Array(tab, "members");

        public static bool IsGroup(JsonElement member) =>
            Text(member, "type") == "group" || (Text(member, "type") == null && member.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array);

        public static OrderedDictionary? Presentation(JsonElement field) =>
            field.TryGetProperty("presentation", out var p) && p.ValueKind == JsonValueKind.Object ? PlainJson.ToPlain(p) as OrderedDictionary : null;

        /// <summary>The kind, choices and validation rule of a field.</summary>
        public static (string? Kind, IReadOnlyList<NimbleFieldChoice> Choices, string? ValidationRule) FieldType(JsonElement field)
        {
            string? kind = null;
            string? rule = null;
            IReadOnlyList<NimbleFieldChoice> choices = System.Array.Empty<NimbleFieldChoice>();
            if (field.TryGetProperty("field_type", out var type))
            {
                if (type.ValueKind == JsonValueKind.String)
                {
                    kind = type.GetString();
                }
                else if (type.ValueKind == JsonValueKind.Object)
                {
                    kind = Text(type, "field_kind") ?? Text(type, "type");
                    if (type.TryGetProperty("values", out var values)) choices = Choices(values);
                    if (type.TryGetProperty("validation_rule", out var r)) rule = r.ValueKind == JsonValueKind.Object ? Text(r, "type") : r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                }
            }
            // Choices next to the type (deal fields: the spec's IDealField has none, a server may add them here).
            if (choices.Count == 0)
            {
                foreach (var name in new[] { "values", "possible_values", "choices" })
                {
                    if (field.TryGetProperty(name, out var values) && (choices = Choices(values)).Count > 0) break;
                }
            }
            return (kind, choices, rule);
        }

        private static IReadOnlyList<NimbleFieldChoice> Choices(JsonElement values)
        {
            var list = values.ValueKind == JsonValueKind.Object && values.TryGetProperty("values", out var inner) ? inner : values;
            if (list.ValueKind != JsonValueKind.Array) return System.Array.Empty<NimbleFieldChoice>();
            var choices = new List<NimbleFieldChoice>();
            foreach (var c in list.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Object && Text(c, "value") is string value) choices.Add(new NimbleFieldChoice(Text(c, "id") ?? value, value));
                else if (c.ValueKind == JsonValueKind.String) choices.Add(new NimbleFieldChoice(c.GetString()!, c.GetString()!));
            }
            return choices;
        }
    }
}
