using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>One property of a limetype: its name, type, whether it is required, its length and allowed options.</summary>
    public sealed class LimeProperty
    {
        internal LimeProperty(string limetype, string name, string? localName, string type, bool required, int? length,
            IReadOnlyList<LimeOption> options, string? relatedLimetype, bool readOnly, Dictionary<string, JsonElement>? additional)
        {
            Limetype = limetype;
            Name = name;
            LocalName = localName;
            Type = type;
            Kind = readOnly ? LimeValueKind.ReadOnly : LimeValueKinds.FromType(type);
            Required = required;
            Length = length;
            Options = options;
            RelatedLimetype = relatedLimetype;
            AdditionalProperties = additional ?? new Dictionary<string, JsonElement>();
        }

        /// <summary>The limetype the property belongs to.</summary>
        public string Limetype { get; }

        public string Name { get; }

        /// <summary>The property's display name.</summary>
        public string? LocalName { get; }

        /// <summary>The type as the service names it (string, integer, option, belongsto, ...).</summary>
        public string Type { get; }

        /// <summary>How the module reads and writes the property's values.</summary>
        public LimeValueKind Kind { get; }

        public bool Required { get; }

        /// <summary>The most characters a text property takes, when limited.</summary>
        public int? Length { get; }

        /// <summary>The allowed options of an option or set property (inactive ones included, marked).</summary>
        public IReadOnlyList<LimeOption> Options { get; }

        /// <summary>For a relation: the limetype on the other side.</summary>
        public string? RelatedLimetype { get; }

        /// <summary>Whether a client may set it (relations set from the other side and system properties may not).</summary>
        public bool IsWritable => Kind != LimeValueKind.HasMany && Kind != LimeValueKind.ReadOnly;

        /// <summary>What values the property takes, in words (the "Allowed" column, and error messages).</summary>
        public string Allowed
        {
            get
            {
                switch (Kind)
                {
                    case LimeValueKind.Option:
                    case LimeValueKind.Set:
                        var active = Options.Where(o => !o.Inactive).Select(o => o.Key).ToList();
                        return active.Count == 0 ? "(no options)" : string.Join(", ", active);
                    case LimeValueKind.BelongsTo:
                    case LimeValueKind.HasMany:
                        return RelatedLimetype ?? "(related objects)";
                    case LimeValueKind.Text when Length.HasValue:
                        return $"text, at most {Length} characters";
                    default:
                        return LimeValueKinds.Describe(Kind);
                }
            }
        }

        /// <summary>Fields of the metadata this model does not name.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; }

        /// <summary>limetype.property, as messages name it.</summary>
        internal string QualifiedName => Limetype + "." + Name;

        internal LimeOption? FindOption(string keyOrText) =>
            Options.FirstOrDefault(o => string.Equals(o.Key, keyOrText, StringComparison.OrdinalIgnoreCase)) ??
            Options.FirstOrDefault(o => o.Text != null && string.Equals(o.Text, keyOrText, StringComparison.OrdinalIgnoreCase));

        internal LimeOption? FindOption(long id) => Options.FirstOrDefault(o => o.Id == id);

        public override string ToString() => QualifiedName;
    }
}
