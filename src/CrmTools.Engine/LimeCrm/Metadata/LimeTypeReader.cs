using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// Reads limetype metadata. The shape is only reported, not documented, so the reader is tolerant:
    /// localname as text, as {singular, plural} or as {language: text}; option text as "text" or
    /// "localname"; the related limetype from _links.related_type, "relation" or "related_limetype".
    /// Fields not named here are kept in AdditionalProperties.
    /// </summary>
    internal static class LimeTypeReader
    {
        private static readonly HashSet<string> LimetypeFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "localname", "_embedded", "_links",
        };

        private static readonly HashSet<string> PropertyFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "localname", "type", "required", "length", "options", "_links", "relation", "related_limetype", "readonly", "read_only",
        };

        public static LimeType Read(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object) throw new JsonException("A limetype must be a JSON object.");
            var name = Text(element, "name") ?? throw new JsonException("A limetype has no name.");
            var (singular, plural) = LocalNames(element);
            var properties = new List<LimeProperty>();
            if (element.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind == JsonValueKind.Object &&
                embedded.TryGetProperty("properties", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in list.EnumerateArray()) properties.Add(ReadProperty(name, p));
            }
            return new LimeType(name, singular, plural, properties, Additional(element, LimetypeFields));
        }

        /// <summary>Whether the answer carried the properties (an answer without _embed does not).</summary>
        public static bool HasProperties(JsonElement element) =>
            element.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind == JsonValueKind.Object &&
            embedded.TryGetProperty("properties", out var list) && list.ValueKind == JsonValueKind.Array;

        /// <summary>The limetypes of a GET /limetype/ answer: _embedded.limetypes.</summary>
        public static IEnumerable<JsonElement> Limetypes(JsonElement answer)
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("_embedded", out var embedded) &&
                embedded.ValueKind == JsonValueKind.Object && embedded.TryGetProperty("limetypes", out var list) &&
                list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray()) yield return item;
            }
        }

        private static LimeProperty ReadProperty(string limetype, JsonElement p)
        {
            if (p.ValueKind != JsonValueKind.Object) throw new JsonException($"A property of limetype '{limetype}' is not a JSON object.");
            var name = Text(p, "name") ?? throw new JsonException($"A property of limetype '{limetype}' has no name.");
            var type = Text(p, "type") ?? "string";
            var required = p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            int? length = p.TryGetProperty("length", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n > 0 ? n : (int?)null;
            var readOnly = Flag(p, "readonly") || Flag(p, "read_only");
            var options = new List<LimeOption>();
            if (p.TryGetProperty("options", out var opts) && opts.ValueKind == JsonValueKind.Array)
            {
                foreach (var o in opts.EnumerateArray())
                {
                    var option = ReadOption(o);
                    if (option != null) options.Add(option);
                }
            }
            return new LimeProperty(limetype, name, LocalNames(p).Singular, type, required, length, options, RelatedLimetype(p), readOnly,
                Additional(p, PropertyFields));
        }

        /// <summary>An option: {id, key, text} (also "localname" for the text, "inactive").</summary>
        internal static LimeOption? ReadOption(JsonElement o)
        {
            if (o.ValueKind == JsonValueKind.String) return new LimeOption(null, o.GetString()!, null);
            if (o.ValueKind != JsonValueKind.Object) return null;
            var key = Text(o, "key");
            if (key == null) return null;
            long? id = o.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt64(out var v) ? v : (long?)null;
            var text = Text(o, "text") ?? LocalNames(o).Singular;
            return new LimeOption(id, key, text, Flag(o, "inactive"));
        }

        private static string? RelatedLimetype(JsonElement p)
        {
            if (p.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object &&
                links.TryGetProperty("related_type", out var related) && related.ValueKind == JsonValueKind.Object)
            {
                var name = Text(related, "name");
                if (name != null) return name;
            }
            if (p.TryGetProperty("relation", out var relation) && relation.ValueKind == JsonValueKind.Object)
            {
                var name = Text(relation, "related_limetype") ?? Text(relation, "limetype");
                if (name != null) return name;
            }
            return Text(p, "related_limetype");
        }

        private static (string? Singular, string? Plural) LocalNames(JsonElement element)
        {
            if (!element.TryGetProperty("localname", out var local)) return (null, null);
            if (local.ValueKind == JsonValueKind.String) return (local.GetString(), null);
            if (local.ValueKind != JsonValueKind.Object) return (null, null);
            var singular = Text(local, "singular");
            var plural = Text(local, "plural");
            if (singular != null || plural != null) return (singular, plural);
            // {language: text}: prefer English, else the first.
            string? first = null;
            foreach (var language in local.EnumerateObject())
            {
                if (language.Value.ValueKind != JsonValueKind.String) continue;
                if (language.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return (language.Value.GetString(), null);
                first ??= language.Value.GetString();
            }
            return (first, null);
        }

        private static Dictionary<string, JsonElement>? Additional(JsonElement element, HashSet<string> known)
        {
            Dictionary<string, JsonElement>? extra = null;
            foreach (var field in element.EnumerateObject())
            {
                if (known.Contains(field.Name)) continue;
                (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[field.Name] = field.Value.Clone();
            }
            return extra;
        }

        private static bool Flag(JsonElement element, string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
