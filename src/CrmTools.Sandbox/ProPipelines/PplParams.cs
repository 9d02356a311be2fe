using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Request parameters merged from the query string and the body (JSON object or form),
    /// the body winning. Clients send both shapes (curl JSON, RestClient forms), so accept both.
    /// </summary>
    internal sealed class PplParams
    {
        private readonly Dictionary<string, Value> _values = new Dictionary<string, Value>(StringComparer.OrdinalIgnoreCase);

        private sealed class Value
        {
            public string? Text;
            public List<string>? Items;
            public bool IsNull;
            public JsonElement? Json;
        }

        public static PplParams From(ServiceRequest request)
        {
            var p = new PplParams();
            foreach (var kv in request.Query) p.AddText(kv.Key, kv.Value);
            if (request.Body.Length > 0)
            {
                string text = request.BodyText;
                string trimmed = text.TrimStart();
                if (request.IsJson || trimmed.StartsWith("{", StringComparison.Ordinal))
                {
                    JsonDocument doc;
                    try { doc = JsonDocument.Parse(text); }
                    catch (JsonException) { throw PplError.BadParameter("The body is not valid JSON"); }
                    if (doc.RootElement.ValueKind == JsonValueKind.Object)
                        foreach (var prop in doc.RootElement.EnumerateObject()) p.AddJson(prop.Name, prop.Value.Clone());
                }
                else if (request.IsForm || (!request.IsMultipart && trimmed.IndexOf('=') > 0))
                {
                    var fromBody = new PplParams();
                    foreach (var kv in QueryString.Parse(text)) fromBody.AddText(kv.Key, kv.Value);
                    foreach (var kv in fromBody._values) p._values[kv.Key] = kv.Value;
                }
            }
            return p;
        }

        // "tags[]=a&tags[]=b" and "tags=a&tags=b" both build a list.
        private void AddText(string name, string value)
        {
            bool array = name.EndsWith("[]", StringComparison.Ordinal);
            if (array) name = name.Substring(0, name.Length - 2);
            if (_values.TryGetValue(name, out var existing) && !existing.IsNull)
            {
                existing.Items ??= new List<string> { existing.Text ?? "" };
                existing.Items.Add(value);
                existing.Text = string.Join(",", existing.Items);
                return;
            }
            _values[name] = new Value { Text = value, Items = array ? new List<string> { value } : null };
        }

        private void AddJson(string name, JsonElement element)
        {
            var v = new Value { Json = element };
            switch (element.ValueKind)
            {
                case JsonValueKind.Null: v.IsNull = true; break;
                case JsonValueKind.String: v.Text = element.GetString(); break;
                case JsonValueKind.True: v.Text = "true"; break;
                case JsonValueKind.False: v.Text = "false"; break;
                case JsonValueKind.Number: v.Text = element.GetRawText(); break;
                case JsonValueKind.Array:
                    v.Items = new List<string>();
                    foreach (var item in element.EnumerateArray())
                        v.Items.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText());
                    v.Text = string.Join(",", v.Items);
                    break;
                default: v.Text = element.GetRawText(); break;
            }
            _values[name] = v;
        }

        public bool Has(string name) => _values.ContainsKey(name);

        /// <summary>Present with an explicit JSON null (used to clear a value).</summary>
        public bool IsNull(string name) => _values.TryGetValue(name, out var v) && v.IsNull;

        public string? Get(string name) => _values.TryGetValue(name, out var v) && !v.IsNull ? v.Text : null;

        /// <summary>A value that is present and not blank, else null.</summary>
        public string? GetNonEmpty(string name)
        {
            var v = Get(name);
            return string.IsNullOrWhiteSpace(v) ? null : v;
        }

        public string Require(string name) => GetNonEmpty(name) ?? throw PplError.Missing(name);

        public JsonElement? GetJson(string name) => _values.TryGetValue(name, out var v) ? v.Json : null;

        /// <summary>A list from a JSON array, repeated keys, or comma-separated text.</summary>
        public List<string>? GetList(string name)
        {
            if (!_values.TryGetValue(name, out var v) || v.IsNull) return null;
            // A JSON array keeps its items whole; text (single or repeated keys) is comma-split.
            bool jsonArray = v.Json != null && v.Json.Value.ValueKind == JsonValueKind.Array;
            var parts = new List<string>();
            if (jsonArray) parts.AddRange(v.Items!);
            else foreach (var item in v.Items ?? new List<string> { v.Text ?? "" }) parts.AddRange(SplitComma(item));
            var result = new List<string>();
            foreach (var part in parts)
            {
                var t = part.Trim();
                if (t.Length > 0) result.Add(t);
            }
            return result;
        }

        private static string[] SplitComma(string? text) =>
            string.IsNullOrEmpty(text) ? new string[0] : text!.Split(',');

        public int? GetInt(string name)
        {
            var v = GetNonEmpty(name);
            if (v == null) return null;
            if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)) return i;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d)) return (int)d;
            throw PplError.BadParameter("Parameter [" + name + "] should be an integer.");
        }

        public double? GetDouble(string name)
        {
            var v = GetNonEmpty(name);
            if (v == null) return null;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
            throw PplError.BadParameter("Parameter [" + name + "] should be a number.");
        }

        public bool? GetBool(string name)
        {
            var v = GetNonEmpty(name);
            if (v == null) return null;
            switch (v.Trim().ToLowerInvariant())
            {
                case "true": case "1": case "yes": return true;
                case "false": case "0": case "no": return false;
                default: throw PplError.BadParameter("Parameter [" + name + "] should be true or false.");
            }
        }

        /// <summary>"asc" or "desc" (default <paramref name="fallback"/>); anything else is a 400.</summary>
        public bool Ascending(bool fallback)
        {
            var v = GetNonEmpty("direction");
            if (v == null) return fallback;
            if (v.Equals("asc", StringComparison.OrdinalIgnoreCase)) return true;
            if (v.Equals("desc", StringComparison.OrdinalIgnoreCase)) return false;
            throw PplError.NotRecognized("direction");
        }
    }
}
