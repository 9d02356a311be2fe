using System;
using System.Collections.Generic;

namespace CrmTools.Engine.Spool
{
    /// <summary>What <see cref="SpoolWriter.Append"/> did with an item.</summary>
    public enum SpoolAppendResult
    {
        /// <summary>The item is on disk (fsync'd and renamed into pending/): it survives a crash from now on.</summary>
        Stored,

        /// <summary>An item with the same id was stored before (within the de-duplication window); nothing was written.</summary>
        Duplicate,
    }

    /// <summary>
    /// One spooled item: the id it is de-duplicated by, when it was accepted, free-form metadata and the payload
    /// bytes exactly as received.
    /// </summary>
    public sealed class SpoolItem
    {
        internal SpoolItem(string name, string id, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string> metadata, byte[] payload)
        {
            Name = name;
            Id = id;
            ReceivedAt = receivedAt;
            Metadata = metadata;
            Payload = payload;
        }

        /// <summary>The file name in pending/ (sorts oldest first); identifies the item to <see cref="SpoolReader.Complete"/>.</summary>
        public string Name { get; }

        /// <summary>The de-duplication id the writer was given.</summary>
        public string Id { get; }

        /// <summary>When the writer accepted the item (UTC): the moment it was committed into pending/, so items in spool
        /// order have increasing times.</summary>
        public DateTimeOffset ReceivedAt { get; }

        public IReadOnlyDictionary<string, string> Metadata { get; }

        public byte[] Payload { get; }

        /// <summary>A metadata value, or null.</summary>
        public string? Get(string key) => Metadata.TryGetValue(key, out var value) ? value : null;

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>Tuning of a spool.</summary>
    public sealed class SpoolOptions
    {
        /// <summary>How long the id of a stored item is remembered after it was stored, so a late redelivery is still
        /// recognised as a duplicate (default 10 days: ProPipelines keeps and may resend events that long).</summary>
        public TimeSpan DedupRetention { get; set; } = TimeSpan.FromDays(10);

        /// <summary>Whether writes are flushed to the disk (fsync) before they count as stored. Only tests turn it off.</summary>
        public bool FlushToDisk { get; set; } = true;
    }
}
