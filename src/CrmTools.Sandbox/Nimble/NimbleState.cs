using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>One value of a contact field.</summary>
    internal sealed class NimbleValue
    {
        public NimbleValue(string value, string modifier)
        {
            Value = value;
            Modifier = modifier;
        }

        public string Value { get; }
        public string Modifier { get; }

        /// <summary>Marked primary (PUT /api/v1/contact/{id}/field).</summary>
        public bool IsPrimary { get; set; }
    }

    internal sealed class NimbleContactRecord
    {
        public string Id = "";
        public string RecordType = "person";
        /// <summary>Field name (as the account spells it) to values, in insertion order.</summary>
        public List<KeyValuePair<string, List<NimbleValue>>> Fields = new List<KeyValuePair<string, List<NimbleValue>>>();
        public List<string> Tags = new List<string>();
        public string OwnerId = "";
        public DateTimeOffset Created;
        public DateTimeOffset Updated;

        public List<NimbleValue>? Get(string name)
        {
            foreach (var f in Fields) if (string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) return f.Value;
            return null;
        }

        public void Set(string name, List<NimbleValue> values)
        {
            for (int i = 0; i < Fields.Count; i++)
            {
                if (!string.Equals(Fields[i].Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                if (values.Count == 0) Fields.RemoveAt(i);
                else Fields[i] = new KeyValuePair<string, List<NimbleValue>>(Fields[i].Key, values);
                return;
            }
            if (values.Count > 0) Fields.Add(new KeyValuePair<string, List<NimbleValue>>(name, values));
        }

        public string First(string name) => Get(name)?.FirstOrDefault()?.Value ?? "";

        public string DisplayName
        {
            get
            {
                var person = (First("first name") + " " + First("last name")).Trim();
                return person.Length > 0 ? person : First("company name");
            }
        }
    }

    internal sealed class NimbleStageRecord
    {
        public string Id = "";
        public string PipelineId = "";
        public string Name = "";
        public string? Description;
        public int? DefaultProbability;
        public int ExpectedDays;
        public string? Role;
        public bool IsFinal;
        public DateTimeOffset? ArchivedAt;
        public DateTimeOffset Created;
        public DateTimeOffset Updated;
    }

    internal sealed class NimblePipelineRecord
    {
        public string Id = "";
        public string Name = "";
        public string? Description;
        public string Color = "#4A90E2";
        public bool IsDefault;
        public string DefaultCurrency = "USD";
        public DateTimeOffset Created;
        public DateTimeOffset Updated;
        public DateTimeOffset? ArchivedAt;
        public List<NimbleStageRecord> Stages = new List<NimbleStageRecord>();
        public List<KeyValuePair<string, string>> LostReasons = new List<KeyValuePair<string, string>>();
        private NimbleFieldTab? _fieldsTab;

        /// <summary>The pipeline's custom deal fields; its id derives from the pipeline's so no id is drawn from the counter.</summary>
        public NimbleFieldTab FieldsTab => _fieldsTab ??= new NimbleFieldTab { Id = "64a0f1d2" + Id.Substring(Math.Min(8, Id.Length)), Name = "Details", PipelineId = Id };
    }

    internal sealed class NimbleTransition
    {
        public string? FromStageId;
        public string ToStageId = "";
        public DateTimeOffset When;
    }

    internal sealed class NimbleDealRecord
    {
        public string Id = "";
        public long Number;
        public string PipelineId = "";
        public string StageId = "";
        public string Currency = "USD";
        public string OwnerId = "";
        /// <summary>Field name to value (standard: name, amount, probability, description, expected_close_date; and custom ones).</summary>
        public Dictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public List<KeyValuePair<string, string?>> RelatedContacts = new List<KeyValuePair<string, string?>>();
        public List<string> Tags = new List<string>();
        public List<NimbleTransition> Transitions = new List<NimbleTransition>();
        public List<NimbleDealFileRecord> Files = new List<NimbleDealFileRecord>();
        public DateTimeOffset Created;
        public DateTimeOffset Updated;

        public string Name => Fields.TryGetValue("name", out var n) ? n : "";
    }

    internal sealed class NimbleDealFileRecord
    {
        public string Id = "";
        public string Name = "";
        public long Size;
        /// <summary>uploaded_azure (DataId set) or dropbox / one_drive / google_drive (FileUrl set).</summary>
        public string Source = "uploaded_azure";
        public string? DataId;
        public string? FileUrl;
        public DateTimeOffset UploadedAt;
    }

    internal sealed class NimbleTaskRecord
    {
        public string Id = "";
        public string Subject = "";
        public string? DueDate;
        public string? Notes;
        public bool IsImportant;
        public string OwnerId = "";
        public string? AssignedTo;
        public List<string> ContactIds = new List<string>();
        public List<string> DealIds = new List<string>();
        public List<string> Tags = new List<string>();
        public DateTimeOffset Created;
    }

    internal sealed class NimbleNoteRecord
    {
        public string Id = "";
        public List<string> ContactIds = new List<string>();
        public string Note = "";
        public string NotePreview = "";
        public DateTimeOffset Created;
        public DateTimeOffset Updated;
    }

    internal sealed class NimbleDealNoteRecord
    {
        public string Id = "";
        public string DealId = "";
        public string Title = "";
        public string? Body;
        public DateTimeOffset Created;
        public DateTimeOffset Updated;
    }

    internal sealed class NimbleGrant
    {
        public string ClientId = "";
        public string RedirectUri = "";
        public string Scope = "";
        public DateTimeOffset ExpiresAt;
    }

    /// <summary>Everything the Nimble emulation holds. Guarded by <see cref="Sync"/>.</summary>
    internal sealed class NimbleState
    {
        public readonly object Sync = new object();

        public NimbleState(int seed)
        {
            Seed = seed;
            Random = new Random(seed);
        }

        public int Seed { get; }
        public Random Random { get; }
        public Uri AccountUri { get; set; } = new Uri("http://127.0.0.1/nimble/");

        // OAuth
        public string ClientId { get; } = "sandbox-nimble-client";
        public string ClientSecret { get; } = "sandbox-nimble-secret-7d41c2";
        /// <summary>The registered redirect: loopback, so any port is accepted (RFC 8252); the path may differ (the service lets redirect_uri override the path only).</summary>
        public Uri RegisteredRedirect { get; } = new Uri("http://127.0.0.1/callback");
        public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(599);
        public bool DenyNextAuthorization { get; set; }
        public Dictionary<string, NimbleGrant> Codes { get; } = new Dictionary<string, NimbleGrant>(StringComparer.Ordinal);
        public Dictionary<string, DateTimeOffset> AccessTokens { get; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        public Dictionary<string, NimbleGrant> RefreshTokens { get; } = new Dictionary<string, NimbleGrant>(StringComparer.Ordinal);
        public int CodeExchanges { get; set; }
        public int Refreshes { get; set; }

        // The one user of the account.
        public string UserId { get; } = "5c459c52ceee1868ee3ab41f";
        public string UserName { get; } = "Ann Sandbox";
        public string UserEmail { get; } = "ann@sandbox.example";
        public string CompanyId { get; } = "5c459c52ceee1868ee3ab400";

        /// <summary>Contacts allowed by the "subscription"; past it creation answers 402, code 108.</summary>
        public int? ContactLimit { get; set; }

        public List<NimbleContactRecord> Contacts { get; } = new List<NimbleContactRecord>();
        public List<NimblePipelineRecord> Pipelines { get; } = new List<NimblePipelineRecord>();
        public List<NimbleDealRecord> Deals { get; } = new List<NimbleDealRecord>();
        public List<NimbleTaskRecord> Tasks { get; } = new List<NimbleTaskRecord>();
        public List<NimbleNoteRecord> Notes { get; } = new List<NimbleNoteRecord>();
        public List<NimbleDealNoteRecord> DealNotes { get; } = new List<NimbleDealNoteRecord>();
        public Dictionary<string, string> TagIds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The contact fields (tabs, groups, fields); the API edits it, contact values are checked against it.</summary>
        public NimbleFieldCatalog FieldCatalog { get; set; } = NimbleFieldCatalog.CreateStandard();

        private long _nextId = 1;
        private long _nextDealNumber = 1;

        /// <summary>A 24-hex-digit id in the BSON ObjectId style, unique in this sandbox.</summary>
        public string NewId(string kind)
        {
            var prefix = kind switch { "contact" => "5049fb84", "deal" => "630f34cf", "pipeline" => "62fd6587", "stage" => "62fd6588", "task" => "6411aa01", "note" => "5e1a0b02", "tag" => "5049fa0c", "field" => "64a0f1d0", "group" => "64a0f1d1", "tab" => "64a0f1d2", _ => "5f000000" };
            return prefix + (_nextId++).ToString("x16", CultureInfo.InvariantCulture);
        }

        public long NewDealNumber() => _nextDealNumber++;

        public string TagId(string tag)
        {
            if (!TagIds.TryGetValue(tag, out var id)) TagIds[tag] = id = NewId("tag");
            return id;
        }

        public NimbleContactRecord? Contact(string id) => Contacts.FirstOrDefault(c => c.Id == id);
        public NimblePipelineRecord? Pipeline(string id) => Pipelines.FirstOrDefault(p => p.Id == id);
        public NimbleDealRecord? Deal(string id) => Deals.FirstOrDefault(d => d.Id == id);

        public NimbleStageRecord? Stage(string id) => Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == id);

        /// <summary>A fresh random token (hex), never seen before.</summary>
        public string NewToken()
        {
            var bytes = new byte[16];
            Random.NextBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))) + (_nextId++).ToString("x", CultureInfo.InvariantCulture);
        }
    }
}
