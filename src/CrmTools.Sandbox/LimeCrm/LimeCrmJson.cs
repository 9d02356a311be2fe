using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>The HAL shapes: limeobjects (flat properties, system fields, links), lists with next links, limetype metadata.</summary>
    internal static class LimeCrmJson
    {
        public static JsonObject Object(LimeCrmState state, LimeRecord record)
        {
            var json = new JsonObject();
            foreach (var p in record.Type.Properties)
            {
                if (p.IsHasMany) continue;
                json[p.Name] = Value(p, record.Get(p.Name));
            }
            json["_id"] = record.Id;
            json["_timestamp"] = Time(record.Timestamp);
            json["_descriptive"] = record.Type.Descriptive(record);
            json["_createdtime"] = Time(record.Created);
            json["_createduser"] = record.CreatedUser;
            json["_updateduser"] = record.UpdatedUser;
            var links = new JsonObject
            {
                ["limetype"] = new JsonObject { ["href"] = Href(state, "limetype/" + record.Type.Name + "/"), ["name"] = record.Type.Name },
                ["self"] = new JsonObject { ["href"] = Href(state, ObjectPath(record)) },
            };
            foreach (var p in record.Type.Properties.Where(p => p.IsRelation))
            {
                links["relation_" + p.Name] = new JsonObject { ["href"] = Href(state, ObjectPath(record) + p.Name + "/"), ["name"] = p.Name };
            }
            json["_links"] = links;
            return json;
        }

        public static JsonObject List(LimeCrmState state, string selfPathAndQuery, string? nextPathAndQuery, IEnumerable<LimeRecord> records)
        {
            var links = new JsonObject { ["self"] = new JsonObject { ["href"] = Href(state, selfPathAndQuery) } };
            if (nextPathAndQuery != null) links["next"] = new JsonObject { ["href"] = Href(state, nextPathAndQuery) };
            var items = new JsonArray();
            foreach (var r in records) items.Add(Object(state, r));
            return new JsonObject { ["_links"] = links, ["_embedded"] = new JsonObject { ["limeobjects"] = items } };
        }

        public static JsonObject Limetype(LimeCrmState state, LimeTypeDef type, bool withProperties)
        {
            var json = new JsonObject
            {
                ["name"] = type.Name,
                ["localname"] = new JsonObject { ["singular"] = type.Singular, ["plural"] = type.Plural },
                ["_links"] = new JsonObject
                {
                    ["self"] = new JsonObject { ["href"] = Href(state, "limetype/" + type.Name + "/") },
                    ["limeobjects"] = new JsonObject { ["href"] = Href(state, "limeobject/" + type.Name + "/") },
                },
            };
            if (withProperties)
            {
                var properties = new JsonArray();
                foreach (var p in type.Properties) properties.Add(Property(state, type, p));
                json["_embedded"] = new JsonObject { ["properties"] = properties };
            }
            return json;
        }

        public static JsonObject Property(LimeCrmState state, LimeTypeDef type, LimeProp p)
        {
            var json = new JsonObject
            {
                ["name"] = p.Name,
                ["localname"] = p.LocalName,
                ["type"] = p.Type,
                ["required"] = p.Required,
                ["length"] = p.Length,
            };
            if (p.Options.Count > 0)
            {
                var options = new JsonArray();
                foreach (var o in p.Options) options.Add(new JsonObject { ["id"] = o.Id, ["key"] = o.Key, ["text"] = o.Text, ["inactive"] = o.Inactive });
                json["options"] = options;
            }
            var links = new JsonObject { ["self"] = new JsonObject { ["href"] = Href(state, "limetype/" + type.Name + "/" + p.Name + "/") } };
            if (p.Related != null) links["related_type"] = new JsonObject { ["href"] = Href(state, "limetype/" + p.Related + "/"), ["name"] = p.Related };
            json["_links"] = links;
            return json;
        }

        public static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

        public static string ObjectPath(LimeRecord record) => "limeobject/" + record.Type.Name + "/" + record.Id.ToString(CultureInfo.InvariantCulture) + "/";

        public static string Href(LimeCrmState state, string relative) => new Uri(state.ApiUri, relative).AbsoluteUri;

        private static JsonNode? Value(LimeProp p, object? value)
        {
            switch (value)
            {
                case null: return null;
                case string key when p.Type == "option":
                    var option = p.Option(key);
                    return option == null ? null : Option(option);
                case List<string> keys:
                    var set = new JsonArray();
                    foreach (var k in keys)
                    {
                        var o = p.Option(k);
                        if (o != null) set.Add(Option(o));
                    }
                    return set;
                case string s: return s;
                case long l: return l;
                case decimal m: return m;
                case bool b: return b;
                case DateTimeOffset t: return Time(t);
                default: return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        private static JsonObject Option(LimeOpt o) => new JsonObject { ["id"] = o.Id, ["key"] = o.Key, ["text"] = o.Text };
    }
}
