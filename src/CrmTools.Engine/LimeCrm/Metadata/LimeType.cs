using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>A limetype's metadata: its name and its properties with their types and allowed values.</summary>
    public sealed class LimeType
    {
        private readonly Dictionary<string, LimeProperty> _byName;

        internal LimeType(string name, string? localName, string? localNamePlural, IReadOnlyList<LimeProperty> properties,
            Dictionary<string, JsonElement>? additional)
        {
            Name = name;
            LocalName = localName;
            LocalNamePlural = localNamePlural;
            Properties = properties;
            _byName = new Dictionary<string, LimeProperty>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in properties) _byName[p.Name] = p;
            AdditionalProperties = additional ?? new Dictionary<string, JsonElement>();
        }

        public string Name { get; }

        /// <summary>The display name (singular).</summary>
        public string? LocalName { get; }

        public string? LocalNamePlural { get; }

        public IReadOnlyList<LimeProperty> Properties { get; }

        /// <summary>Fields of the metadata this model does not name.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; }

        /// <summary>The property with this name (case-insensitive), or null.</summary>
        public LimeProperty? FindProperty(string name) => _byName.TryGetValue(name, out var p) ? p : null;

        /// <summary>The names of the properties a client may set, for messages.</summary>
        internal string WritableNames => string.Join(", ", Properties.Where(p => p.IsWritable).Select(p => p.Name));

        public override string ToString() => Name;
    }
}
