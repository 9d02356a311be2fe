using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>
    /// One stored limeobject. Values by property name: string, long, decimal, bool, DateTimeOffset, an option key
    /// (string), a set (List&lt;string&gt; of keys), a related id (long); absent means null.
    /// </summary>
    internal sealed class LimeRecord
    {
        public LimeRecord(LimeTypeDef type, long id, DateTimeOffset created, int user)
        {
            Type = type;
            Id = id;
            Created = created;
            Timestamp = created;
            CreatedUser = user;
            UpdatedUser = user;
        }

        public LimeTypeDef Type { get; }
        public long Id { get; }
        public DateTimeOffset Created { get; }
        public DateTimeOffset Timestamp { get; set; }
        public int CreatedUser { get; }
        public int UpdatedUser { get; set; }
        public Dictionary<string, object?> Values { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        public object? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;

        public string Text(string name) => Convert.ToString(Get(name), CultureInfo.InvariantCulture) ?? string.Empty;

        public string OptionText(string name) =>
            Get(name) is string key ? Type.Property(name)?.Option(key)?.Text ?? key : string.Empty;

        public string DateText(string name) =>
            Get(name) is DateTimeOffset t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
    }

    /// <summary>Everything the emulated application holds. Callers take <see cref="Sync"/> around every read and write.</summary>
    internal sealed class LimeCrmState
    {
        public const string Application = "sandbox";
        public const int ApiUserId = 1;

        public readonly object Sync = new object();

        public LimeCrmState(int seed)
        {
            Seed = seed;
            ApiKey = "lime-" + new Random(seed).Next().ToString("x8", CultureInfo.InvariantCulture) + "-sandbox-key";
            Types = LimeCrmSchema.Create();
        }

        public int Seed { get; }

        public string ApiKey { get; }

        public List<LimeTypeDef> Types { get; }

        /// <summary>The API root, http://127.0.0.1:port/limecrm/sandbox/api/v1/ (set once the listener knows its address).</summary>
        public Uri ApiUri { get; set; } = new Uri("http://127.0.0.1/limecrm/" + Application + "/api/v1/");

        /// <summary>Objects by limetype, then by id (ascending ids: the natural order of a listing).</summary>
        public Dictionary<string, SortedDictionary<long, LimeRecord>> Objects { get; } =
            new Dictionary<string, SortedDictionary<long, LimeRecord>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The clock of created and changed objects: it starts at a fixed moment and moves one second per write,
        /// so data and timestamps do not depend on the day the sandbox runs.</summary>
        public DateTimeOffset Clock { get; set; }

        public long NextId { get; set; }

        public LimeTypeDef? Type(string name) => Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

        public SortedDictionary<long, LimeRecord> Table(LimeTypeDef type)
        {
            if (!Objects.TryGetValue(type.Name, out var table)) Objects[type.Name] = table = new SortedDictionary<long, LimeRecord>();
            return table;
        }

        public LimeRecord? Find(string limetype, long id) =>
            Objects.TryGetValue(limetype, out var table) && table.TryGetValue(id, out var record) ? record : null;

        public LimeRecord Add(LimeTypeDef type)
        {
            Clock = Clock.AddSeconds(1);
            var record = new LimeRecord(type, NextId++, Clock, ApiUserId);
            Table(type)[record.Id] = record;
            return record;
        }

        public void Touch(LimeRecord record)
        {
            Clock = Clock.AddSeconds(1);
            record.Timestamp = Clock;
            record.UpdatedUser = ApiUserId;
        }

        public void Clear()
        {
            Objects.Clear();
            NextId = 1001;
            Clock = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        }
    }
}
