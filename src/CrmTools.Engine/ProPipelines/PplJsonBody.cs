using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// A JSON request body written field by field. Only the fields given are sent (a PUT changes
    /// what it names and nothing else), so null values are skipped rather than sent as null.
    /// </summary>
    internal sealed class PplJsonBody
    {
        private readonly MemoryStream _stream = new MemoryStream();
        private readonly Utf8JsonWriter _writer;
        private byte[]? _bytes;

        public PplJsonBody()
        {
            _writer = new Utf8JsonWriter(_stream);
            _writer.WriteStartObject();
        }

        public PplJsonBody Add(string name, string? value)
        {
            if (value != null) _writer.WriteString(name, value);
            return this;
        }

        public PplJsonBody Add(string name, long? value)
        {
            if (value.HasValue) _writer.WriteNumber(name, value.Value);
            return this;
        }

        public PplJsonBody Add(string name, decimal? value)
        {
            if (value.HasValue) _writer.WriteNumber(name, value.Value);
            return this;
        }

        public PplJsonBody Add(string name, bool? value)
        {
            if (value.HasValue) _writer.WriteBoolean(name, value.Value);
            return this;
        }

        public PplJsonBody Add(string name, IEnumerable<string>? values)
        {
            if (values == null) return this;
            _writer.WriteStartArray(name);
            foreach (var v in values) _writer.WriteStringValue(v);
            _writer.WriteEndArray();
            return this;
        }

        /// <summary>A user given as an id or an e-mail: a number when it is one (as the documented examples send it).</summary>
        public PplJsonBody AddUser(string name, string? idOrEmail)
        {
            if (idOrEmail == null) return this;
            var text = idOrEmail.Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Add(name, id) : Add(name, text);
        }

        /// <summary>Rows of text as an array of arrays (prospecting list content).</summary>
        public PplJsonBody AddRows(string name, IEnumerable<IReadOnlyList<string>> rows)
        {
            _writer.WriteStartArray(name);
            foreach (var row in rows)
            {
                _writer.WriteStartArray();
                foreach (var cell in row) _writer.WriteStringValue(cell);
                _writer.WriteEndArray();
            }
            _writer.WriteEndArray();
            return this;
        }

        /// <summary>The UTF-8 body; the body is complete once read.</summary>
        public byte[] ToBytes()
        {
            if (_bytes != null) return _bytes;
            _writer.WriteEndObject();
            _writer.Flush();
            _bytes = _stream.ToArray();
            _writer.Dispose();
            _stream.Dispose();
            return _bytes;
        }
    }
}
