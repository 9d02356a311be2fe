using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// A limeobject: its limetype, id and system fields, and the values of its properties (typed by the
    /// limetype's metadata: text, long, decimal, bool, DateTimeOffset, <see cref="LimeOption"/>, option arrays,
    /// related ids). The module shows each value as a PowerShell property of its own, so Where-Object,
    /// Sort-Object and Export-Csv work on them; in C# read them with <see cref="GetValue"/>.
    /// </summary>
    public sealed class LimeObject
    {
        private readonly List<KeyValuePair<string, object?>> _values;
        private readonly Dictionary<string, int> _index;
        private readonly IReadOnlyDictionary<string, Uri> _links;

        internal LimeObject(string limetype, long id, List<KeyValuePair<string, object?>> values, Dictionary<string, Uri> links)
        {
            Limetype = limetype;
            Id = id;
            _values = values;
            _links = links;
            _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < values.Count; i++) _index[values[i].Key] = i;
        }

        public string Limetype { get; }

        /// <summary>The object's id (_id).</summary>
        public long Id { get; }

        /// <summary>The object's display text (_descriptive).</summary>
        public string? Descriptive { get; internal set; }

        /// <summary>When the object last changed (_timestamp).</summary>
        public DateTimeOffset? Timestamp { get; internal set; }

        /// <summary>When the object was created (_createdtime).</summary>
        public DateTimeOffset? CreatedTime { get; internal set; }

        /// <summary>The id of the user who created it (_createduser).</summary>
        public long? CreatedUser { get; internal set; }

        /// <summary>The id of the user who changed it last (_updateduser).</summary>
        public long? UpdatedUser { get; internal set; }

        /// <summary>The property values in the order the service sent them (fields it sent that the metadata does not name included).</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> GetValues() => _values;

        /// <summary>One property's value (case-insensitive name); null when absent.</summary>
        public object? GetValue(string name) => TryGetValue(name, out var value) ? value : null;

        public bool TryGetValue(string name, out object? value)
        {
            if (_index.TryGetValue(name, out var i))
            {
                value = _values[i].Value;
                return true;
            }
            value = null;
            return false;
        }

        /// <summary>The HAL links the service gave (self, limetype, relation_*).</summary>
        public IReadOnlyDictionary<string, Uri> GetLinks() => _links;

        public override string ToString() =>
            Limetype + " " + Id.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(Descriptive) ? string.Empty : " " + Descriptive);
    }
}
