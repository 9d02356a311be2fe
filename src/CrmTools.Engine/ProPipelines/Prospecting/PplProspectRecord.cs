using System.Collections.Generic;
using System.Linq;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// One prospect as the caller gave it: cells by column name (an object from Import-Csv, say)
    /// or cells by position (an array of values). <see cref="Source"/> is the input it came from,
    /// so a failure can name it.
    /// </summary>
    public sealed class PplProspectRecord
    {
        private PplProspectRecord(IReadOnlyList<KeyValuePair<string, string?>>? named, IReadOnlyList<string?>? positional, object? source)
        {
            NamedCells = named;
            Cells = positional;
            Source = source;
        }

        /// <summary>Cells by column name, in the order given.</summary>
        public IReadOnlyList<KeyValuePair<string, string?>>? NamedCells { get; }

        /// <summary>Cells by position.</summary>
        public IReadOnlyList<string?>? Cells { get; }

        public object? Source { get; }

        public bool IsNamed => NamedCells != null;

        public static PplProspectRecord Named(IEnumerable<KeyValuePair<string, string?>> cells, object? source = null) =>
            new PplProspectRecord(cells.ToList(), null, source);

        public static PplProspectRecord Positional(IEnumerable<string?> cells, object? source = null) =>
            new PplProspectRecord(null, cells.ToList(), source);
    }
}
