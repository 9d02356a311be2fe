using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>
    /// /limeobject/{limetype}/[{id}/[{relation}/]]: HAL lists with filters (prop=value, min-, max-, not-;
    /// a repeated name matches any of its values), _sort (a leading "-" descends), _limit (default 10, at most
    /// <see cref="MaxLimit"/>) and _offset, with a next link while more remain; get, create (201), update
    /// (partial), delete (204).
    /// </summary>
    internal static class LimeCrmObjectsApi
    {
        public const int DefaultLimit = 10;
        public const int MaxLimit = 500;

        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "_limit", "_offset", "_sort", "_embed" };

        public static JsonObject List(LimeCrmState state, ServiceRequest request, LimeTypeDef type, IEnumerable<LimeRecord> source, string path)
        {
            var limit = Number(request, "_limit", DefaultLimit, 1);
            var offset = Number(request, "_offset", 0, 0);
            if (limit > MaxLimit) limit = MaxLimit;

            var matches = Filter(request, type, source);
            var sorted = Sort(request, type, matches).ToList();
            var page = sorted.Skip(offset).Take(limit).ToList();
            var kept = request.Query.Where(q => !q.Key.Equals("_limit", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("_offset", StringComparison.OrdinalIgnoreCase)).ToList();
            string? next = offset + limit < sorted.Count ? path + "?" + QueryText(kept, limit, offset + limit) : null;
            var self = path + (request.RawQuery.Length > 0 ? "?" + request.RawQuery : string.Empty);
            return LimeCrmJson.List(state, self, next, page);
        }

        public static LimeRecord Get(LimeCrmState state, LimeTypeDef type, string id) =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && state.Find(type.Name, n) is LimeRecord r
                ? r
                : throw LimeCrmError.NotFound($"There is no {type.Name} with id {id}.");

        public static LimeRecord Create(LimeCrmState state, LimeTypeDef type, ServiceRequest request)
        {
            var values = Body(state, type, request);
            var missing = type.Properties.Where(p => p.Required && (!values.TryGetValue(p.Name, out var v) || v == null)).Select(p => p.Name).ToList();
            if (missing.Count > 0) throw LimeCrmError.BadRequest($"A {type.Name} needs {string.Join(", ", missing)}.");
            var record = state.Add(type);
            foreach (var pair in values) if (pair.Value != null) record.Values[pair.Key] = pair.Value;
            return record;
        }

        public static LimeRecord Update(LimeCrmState state, LimeTypeDef type, LimeRecord record, ServiceRequest request)
        {
            var values = Body(state, type, request);
            var cleared = values.Where(v => v.Value == null && type.Property(v.Key)!.Required).Select(v => v.Key).ToList();
            if (cleared.Count > 0) throw LimeCrmError.BadRequest($"{type.Name}.{cleared[0]} is required and cannot be emptied.");
            foreach (var pair in values)
            {
                if (pair.Value == null) record.Values.Remove(pair.Key);
                else record.Values[pair.Key] = pair.Value;
            }
            state.Touch(record);
            return record;
        }

        /// <summary>Deletes the object; relations pointing at it are emptied.</summary>
        public static void Delete(LimeCrmState state, LimeRecord record)
        {
            state.Table(record.Type).Remove(record.Id);
            foreach (var table in state.Objects.Values)
            {
                foreach (var other in table.Values)
                {
                    foreach (var p in other.Type.Properties.Where(p => p.Type == "belongsto" && string.Equals(p.Related, record.Type.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        if (other.Get(p.Name) is long id && id == record.Id) other.Values.Remove(p.Name);
                    }
                }
            }
        }

        /// <summary>The objects on the other side of a relation: for belongsto the one object, for hasmany those pointing back.</summary>
        public static JsonObject Related(LimeCrmState state, ServiceRequest request, LimeRecord record, string relation, string path)
        {
            var p = record.Type.Property(relation) ?? throw LimeCrmError.NotFound($"{record.Type.Name} has no relation '{relation}'.");
            var related = state.Type(p.Related ?? string.Empty) ?? throw LimeCrmError.NotFound($"{record.Type.Name}.{relation} is not a relation.");
            if (p.Type == "belongsto")
            {
                return record.Get(p.Name) is long id && state.Find(related.Name, id) is LimeRecord one
                    ? LimeCrmJson.Object(state, one)
                    : throw LimeCrmError.NotFound($"{record.Type.Name} {record.Id} has no {relation}.");
            }
            var back = related.Properties.FirstOrDefault(q => q.Type == "belongsto" && string.Equals(q.Related, record.Type.Name, StringComparison.OrdinalIgnoreCase));
            var source = back == null ? Enumerable.Empty<LimeRecord>() : state.Table(related).Values.Where(r => r.Get(back.Name) is long id && id == record.Id);
            return List(state, request, related, source, path);
        }

        private static Dictionary<string, object?> Body(LimeCrmState state, LimeTypeDef type, ServiceRequest request)
        {
            JsonObject body;
            try
            {
                body = JsonNode.Parse(request.BodyText.Length == 0 ? "{}" : request.BodyText) as JsonObject
                       ?? throw LimeCrmError.BadRequest("The body must be a JSON object of property values.");
            }
            catch (JsonException ex)
            {
                throw LimeCrmError.BadRequest("The body is not valid JSON: " + ex.Message);
            }
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in body)
            {
                if (pair.Key.StartsWith("_", StringComparison.Ordinal)) continue;
                var p = type.Property(pair.Key) ?? throw LimeCrmError.BadRequest(
                    $"Unknown property '{pair.Key}' for limetype '{type.Name}'. Properties: {string.Join(", ", type.Properties.Where(q => !q.IsHasMany).Select(q => q.Name))}.");
                if (p.IsHasMany) throw LimeCrmError.BadRequest($"{type.Name}.{p.Name} is a hasmany relation; set it from the {p.Related} side.");
                values[p.Name] = LimeCrmValues.FromBody(state, type, p, pair.Value);
            }
            return values;
        }

        private static IEnumerable<LimeRecord> Filter(ServiceRequest request, LimeTypeDef type, IEnumerable<LimeRecord> source)
        {
            var result = source;
            foreach (var group in request.Query.Where(q => !Reserved.Contains(q.Key)).GroupBy(q => q.Key, StringComparer.OrdinalIgnoreCase))
            {
                var (prefix, name) = Split(group.Key);
                var property = type.Property(name);
                var fieldType = property?.Type ?? (LimeCrmValues.SystemFields.TryGetValue(name, out var t) ? t : null)
                    ?? throw LimeCrmError.BadRequest($"Unknown property '{name}' for limetype '{type.Name}'.");
                if (property != null && property.IsHasMany) throw LimeCrmError.BadRequest($"{type.Name}.{name} is a hasmany relation and cannot be filtered on.");
                var kind = LimeCrmValues.Kind(fieldType);
                if ((prefix == "min-" || prefix == "max-") && kind != "integer" && kind != "decimal" && kind != "time")
                {
                    throw LimeCrmError.BadRequest($"{prefix}{name}: {type.Name}.{name} ({fieldType}) has no order.");
                }
                var wanted = group.Select(q => LimeCrmValues.FromQuery(type.Name + "." + name, fieldType, property, q.Value)).ToList();
                var fieldName = property?.Name ?? name;
                result = prefix switch
                {
                    "min-" => result.Where(r => wanted.All(w => LimeCrmValues.Get(r, fieldName) != null && LimeCrmValues.Compare(LimeCrmValues.Get(r, fieldName), w) >= 0)),
                    "max-" => result.Where(r => wanted.All(w => LimeCrmValues.Get(r, fieldName) != null && LimeCrmValues.Compare(LimeCrmValues.Get(r, fieldName), w) <= 0)),
                    "not-" => result.Where(r => !wanted.Any(w => Matches(LimeCrmValues.Get(r, fieldName), w))),
                    _ => result.Where(r => wanted.Any(w => Matches(LimeCrmValues.Get(r, fieldName), w))),
                };
            }
            return result;
        }

        private static bool Matches(object? stored, object? wanted)
        {
            if (wanted == null) return stored == null || (stored is string s && s.Length == 0) || (stored is List<string> l && l.Count == 0);
            if (stored is List<string> set) return set.Contains((string)wanted, StringComparer.OrdinalIgnoreCase);
            return stored != null && LimeCrmValues.Compare(stored, wanted) == 0;
        }

        private static IEnumerable<LimeRecord> Sort(ServiceRequest request, LimeTypeDef type, IEnumerable<LimeRecord> records)
        {
            var sort = request.Query.Where(q => q.Key.Equals("_sort", StringComparison.OrdinalIgnoreCase)).Select(q => q.Value).LastOrDefault();
            if (string.IsNullOrWhiteSpace(sort)) return records;
            IOrderedEnumerable<LimeRecord>? ordered = null;
            foreach (var raw in sort!.Split(','))
            {
                var key = raw.Trim();
                var descending = key.StartsWith("-", StringComparison.Ordinal);
                if (descending || key.StartsWith("+", StringComparison.Ordinal)) key = key.Substring(1);
                var property = type.Property(key);
                if (property == null && !LimeCrmValues.SystemFields.ContainsKey(key)) throw LimeCrmError.BadRequest($"_sort: unknown property '{key}' for limetype '{type.Name}'.");
                var name = property?.Name ?? key;
                var comparer = Comparer<object?>.Create(LimeCrmValues.Compare);
                ordered = ordered == null
                    ? descending ? records.OrderByDescending(r => LimeCrmValues.Get(r, name), comparer) : records.OrderBy(r => LimeCrmValues.Get(r, name), comparer)
                    : descending ? ordered.ThenByDescending(r => LimeCrmValues.Get(r, name), comparer) : ordered.ThenBy(r => LimeCrmValues.Get(r, name), comparer);
            }
            return ordered!.ThenBy(r => r.Id);
        }

        private static (string Prefix, string Name) Split(string key)
        {
            foreach (var prefix in new[] { "min-", "max-", "not-" })
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return (prefix, key.Substring(prefix.Length));
            return (string.Empty, key);
        }

        private static int Number(ServiceRequest request, string name, int fallback, int minimum)
        {
            var text = request.Query.Where(q => q.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(q => q.Value).LastOrDefault();
            if (text == null) return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < minimum)
                throw LimeCrmError.BadRequest($"{name} must be a whole number of at least {minimum}; '{text}' is not.");
            return n;
        }

        private static string QueryText(IEnumerable<KeyValuePair<string, string>> pairs, int limit, int offset)
        {
            var sb = new StringBuilder();
            foreach (var pair in pairs) sb.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value)).Append('&');
            sb.Append("_limit=").Append(limit.ToString(CultureInfo.InvariantCulture)).Append("&_offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
