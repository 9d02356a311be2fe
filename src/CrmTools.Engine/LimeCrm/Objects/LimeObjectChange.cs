using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// A create or update, checked against the limetype's metadata and with its relations resolved to
    /// ids, ready to send. Made by <see cref="LimeObjectsApi.PrepareCreateAsync"/> or
    /// <see cref="LimeObjectsApi.PrepareUpdateAsync"/>; what -WhatIf describes.
    /// </summary>
    public sealed class LimeObjectChange
    {
        private readonly List<KeyValuePair<LimeProperty, object?>> _values;

        internal LimeObjectChange(LimeType limetype, long? id, List<KeyValuePair<LimeProperty, object?>> values)
        {
            Limetype = limetype;
            Id = id;
            _values = values;
        }

        public LimeType Limetype { get; }

        /// <summary>The object to update; null for a create.</summary>
        public long? Id { get; }

        public bool IsCreate => Id == null;

        /// <summary>The values as they will be sent (options as <see cref="LimeOption"/>, relations as ids).</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Values =>
            _values.Select(v => new KeyValuePair<string, object?>(v.Key.Name, v.Value)).ToList();

        public int Count => _values.Count;

        /// <summary>Replaces the value of a relation property (ids known only after an earlier create).</summary>
        internal void SetRelation(LimeProperty property, long id)
        {
            var i = _values.FindIndex(v => string.Equals(v.Key.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var pair = new KeyValuePair<LimeProperty, object?>(property, id);
            if (i >= 0) _values[i] = pair; else _values.Add(pair);
        }

        internal object? Get(string name) =>
            _values.Where(v => string.Equals(v.Key.Name, name, StringComparison.OrdinalIgnoreCase)).Select(v => v.Value).FirstOrDefault();

        /// <summary>The JSON body: options by key, sets as arrays of keys, times ISO 8601, relations as ids.</summary>
        internal byte[] ToJson()
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var pair in _values)
                {
                    writer.WritePropertyName(pair.Key.Name);
                    switch (pair.Value)
                    {
                        case null: writer.WriteNullValue(); break;
                        case string s: writer.WriteStringValue(s); break;
                        case bool b: writer.WriteBooleanValue(b); break;
                        case long l: writer.WriteNumberValue(l); break;
                        case decimal m: writer.WriteNumberValue(m); break;
                        case DateTimeOffset t: writer.WriteStringValue(LimeCrmWire.FormatTime(t)); break;
                        case LimeOption o: writer.WriteStringValue(o.Key); break;
                        case LimeOption[] set:
                            writer.WriteStartArray();
                            foreach (var o in set) writer.WriteStringValue(o.Key);
                            writer.WriteEndArray();
                            break;
                        default: PlainJson.Write(writer, pair.Value); break;
                    }
                }
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        /// <summary>"person: firstname = 'Anna', company = 1002" (text shortened).</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Limetype.Name);
            if (Id.HasValue) sb.Append(' ').Append(Id.Value.ToString(CultureInfo.InvariantCulture));
            sb.Append(": ");
            sb.Append(_values.Count == 0 ? "(no values)" : string.Join(", ", _values.Select(v => v.Key.Name + " = " + LimeValues.Describe(v.Value))));
            return sb.ToString();
        }
    }
}
