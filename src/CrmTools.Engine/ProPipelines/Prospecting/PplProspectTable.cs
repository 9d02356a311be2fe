using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// Turns prospect records into the rows the service takes, and checks the documented limits
    /// before anything is sent: at most 26 columns, 5000 prospects per list, 100 per "add" call.
    /// </summary>
    public static class PplProspectTable
    {
        public const int MaxColumns = 26;
        public const int MaxRows = 5000;
        public const int MaxRowsPerAdd = 100;

        /// <summary>
        /// The content of a new list: the header row, then one row per record. Named records make
        /// the header from their names (in first-seen order); positional records bring their own
        /// header as the first record.
        /// </summary>
        public static IReadOnlyList<IReadOnlyList<string>> ForNewList(IReadOnlyList<PplProspectRecord> records)
        {
            if (records.Count == 0) throw new CrmValidationException("Ppl", "InputObject", "A prospecting list needs content: give at least one prospect.");
            CheckNotMixed(records);
            List<IReadOnlyList<string>> content;
            if (records[0].IsNamed)
            {
                var columns = new List<string>();
                foreach (var r in records)
                    foreach (var cell in r.NamedCells!)
                        if (!columns.Contains(cell.Key, StringComparer.OrdinalIgnoreCase)) columns.Add(cell.Key);
                content = new List<IReadOnlyList<string>> { columns };
                content.AddRange(records.Select(r => MapByName(columns, r)));
            }
            else
            {
                content = records.Select(r => (IReadOnlyList<string>)r.Cells!.Select(c => c ?? string.Empty).ToList()).ToList();
            }
            CheckColumns(content);
            if (content.Count - 1 > MaxRows)
            {
                throw new CrmValidationException("Ppl", "InputObject", $"A prospecting list holds at most {MaxRows} prospects; {content.Count - 1} were given. Nothing was sent.");
            }
            return content;
        }

        /// <summary>
        /// Rows to append to a list with <paramref name="columns"/> that holds <paramref name="existing"/>
        /// prospects. Named records are placed by column name; a name the list lacks is an error
        /// (rather than losing the value).
        /// </summary>
        public static IReadOnlyList<IReadOnlyList<string>> ForExistingList(IReadOnlyList<string> columns, int existing, IReadOnlyList<PplProspectRecord> records)
        {
            CheckNotMixed(records);
            var rows = new List<IReadOnlyList<string>>(records.Count);
            foreach (var r in records)
            {
                if (r.IsNamed)
                {
                    var unknown = r.NamedCells!.Select(c => c.Key).Where(k => !columns.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new CrmValidationException("Ppl", "InputObject",
                            $"The list has no column {string.Join(", ", unknown.Select(u => "'" + u + "'"))}. Its columns: {string.Join(", ", columns)}. Nothing was sent.");
                    }
                    rows.Add(MapByName(columns, r));
                }
                else
                {
                    rows.Add(r.Cells!.Select(c => c ?? string.Empty).ToList());
                }
            }
            CheckColumns(rows);
            if (existing + rows.Count > MaxRows)
            {
                throw new CrmValidationException("Ppl", "InputObject",
                    $"A prospecting list holds at most {MaxRows} prospects; it has {existing} and {rows.Count} were given. Nothing was sent.");
            }
            return rows;
        }

        /// <summary>One prospect's new cells, in column order.</summary>
        public static IReadOnlyList<string> ForUpdate(IReadOnlyList<string?> cells)
        {
            var row = cells.Select(c => c ?? string.Empty).ToList();
            CheckColumns(new[] { row });
            return row;
        }

        private static IReadOnlyList<string> MapByName(IReadOnlyList<string> columns, PplProspectRecord record)
        {
            var row = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = record.NamedCells!.FirstOrDefault(c => string.Equals(c.Key, columns[i], StringComparison.OrdinalIgnoreCase));
                row[i] = cell.Value ?? string.Empty;
            }
            return row;
        }

        private static void CheckColumns(IEnumerable<IReadOnlyList<string>> rows)
        {
            var widest = rows.Select(r => r.Count).DefaultIfEmpty(0).Max();
            if (widest > MaxColumns)
            {
                throw new CrmValidationException("Ppl", "InputObject", $"A prospect has at most {MaxColumns} columns; {widest} were given. Nothing was sent.");
            }
        }

        private static void CheckNotMixed(IReadOnlyList<PplProspectRecord> records)
        {
            if (records.Any(r => r.IsNamed) && records.Any(r => !r.IsNamed))
            {
                throw new CrmValidationException("Ppl", "InputObject", "Give prospects either as objects (cells by column name) or as arrays (cells by position), not both.");
            }
        }

        /// <summary>Splits rows into the chunks one "add" call takes.</summary>
        internal static IEnumerable<(int Start, IReadOnlyList<IReadOnlyList<string>> Rows)> Chunks(IReadOnlyList<IReadOnlyList<string>> rows)
        {
            for (var start = 0; start < rows.Count; start += MaxRowsPerAdd)
            {
                yield return (start, rows.Skip(start).Take(MaxRowsPerAdd).ToList());
            }
        }
    }
}
