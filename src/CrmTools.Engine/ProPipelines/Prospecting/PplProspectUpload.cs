using System.Collections.Generic;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// Prospects checked against a list and cut into the chunks one "add" call takes (100).
    /// Send each chunk with <see cref="PplProspectingApi.AddChunkAsync"/>; a failed chunk names its records.
    /// </summary>
    public sealed class PplProspectUpload
    {
        internal PplProspectUpload(long listId, IReadOnlyList<Chunk> chunks, int total)
        {
            ProspectingListId = listId;
            Chunks = chunks;
            Total = total;
        }

        public long ProspectingListId { get; }

        public IReadOnlyList<Chunk> Chunks { get; }

        /// <summary>How many prospects in all.</summary>
        public int Total { get; }

        public sealed class Chunk
        {
            internal Chunk(int start, IReadOnlyList<PplProspectRecord> records, IReadOnlyList<IReadOnlyList<string>> rows)
            {
                Start = start;
                Records = records;
                Rows = rows;
            }

            /// <summary>The position of the chunk's first prospect in the input.</summary>
            public int Start { get; }

            /// <summary>The records as given (their <see cref="PplProspectRecord.Source"/> is the input).</summary>
            public IReadOnlyList<PplProspectRecord> Records { get; }

            internal IReadOnlyList<IReadOnlyList<string>> Rows { get; }
        }
    }
}
