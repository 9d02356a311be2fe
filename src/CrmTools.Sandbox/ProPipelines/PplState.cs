using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// Everything the emulated ProPipelines account holds. Callers take <see cref="Sync"/> around any
    /// read or write: one lock keeps it simple and each operation is short.
    /// </summary>
    internal sealed class PplState
    {
        public readonly object Sync = new object();

        public PplState(int seed)
        {
            Seed = seed;
            ApiKey = MakeKey(seed);
        }

        public int Seed { get; }
        public string Slug => "sandbox";
        public string ApiKey { get; }
        public string TimeZone => "UTC";
        public string Locale => "en";
        public string CurrencyCode => "USD";
        public string CurrencySymbol => "$";

        /// <summary>Fixed "now" of the generated history, so data does not depend on the day it runs.</summary>
        public static readonly DateTime Anchor = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Set once the listener knows its address (permalinks, webhooks).</summary>
        public Uri AccountUri { get; set; } = new Uri("http://127.0.0.1/ppl/");

        public readonly List<PplUser> Users = new List<PplUser>();
        public readonly List<PplTeam> Teams = new List<PplTeam>();
        public readonly List<PplPipeline> Pipelines = new List<PplPipeline>();
        public readonly List<PplStep> Steps = new List<PplStep>();
        public readonly List<PplClientFolder> Clients = new List<PplClientFolder>();
        public readonly List<PplCategory> Categories = new List<PplCategory>();
        public readonly List<PplPredefinedTag> PredefinedTags = new List<PplPredefinedTag>();
        public readonly List<PplField> Fields = new List<PplField>();
        public readonly List<PplActivity> Activities = new List<PplActivity>();

        /// <summary>Leads in ascending id order (ids only grow), plus an index by id.</summary>
        public List<PplLead> Leads = new List<PplLead>();
        public Dictionary<int, PplLead> LeadsById = new Dictionary<int, PplLead>();

        public readonly Dictionary<int, List<PplComment>> CommentsByLead = new Dictionary<int, List<PplComment>>();
        public readonly Dictionary<int, List<PplAttachment>> AttachmentsByLead = new Dictionary<int, List<PplAttachment>>();
        public readonly Dictionary<int, List<PplActionHistory>> HistoryByLead = new Dictionary<int, List<PplActionHistory>>();
        public readonly List<PplSpreadsheet> Spreadsheets = new List<PplSpreadsheet>();
        public readonly List<PplWebhook> Webhooks = new List<PplWebhook>();
        public readonly List<PplWebhookEvent> WebhookEvents = new List<PplWebhookEvent>();

        /// <summary>User tokens (from login or log_as) to user ids.</summary>
        public readonly Dictionary<string, int> Tokens = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Bumped on every lead change; list results are cached per version.</summary>
        public int LeadVersion;

        // Recent list results, valid for one LeadVersion: a paging client repeats the same query
        // with growing offsets, and sorting 100,000 leads for every page would be slow.
        private readonly Dictionary<string, List<PplLead>> _queryCache = new Dictionary<string, List<PplLead>>();
        private int _queryCacheVersion = -1;

        public List<PplLead> CachedQuery(string key, Func<List<PplLead>> run)
        {
            if (_queryCacheVersion != LeadVersion)
            {
                _queryCache.Clear();
                _queryCacheVersion = LeadVersion;
            }
            if (_queryCache.TryGetValue(key, out var hit)) return hit;
            var result = run();
            if (_queryCache.Count >= 32) _queryCache.Clear();
            _queryCache[key] = result;
            return result;
        }

        private readonly Dictionary<string, int> _nextIds = new Dictionary<string, int>();

        /// <summary>Next id for a kind of record, starting at <paramref name="start"/>.</summary>
        public int NextId(string kind, int start = 1)
        {
            _nextIds.TryGetValue(kind, out int next);
            if (next < start) next = start;
            _nextIds[kind] = next + 1;
            return next;
        }

        public void BumpIdsPast(string kind, int id)
        {
            _nextIds.TryGetValue(kind, out int next);
            if (next <= id) _nextIds[kind] = id + 1;
        }

        public DateTime Now => DateTime.UtcNow;

        // ---- lookups ----

        public PplUser? FindUser(string? idOrEmail)
        {
            if (string.IsNullOrWhiteSpace(idOrEmail)) return null;
            idOrEmail = idOrEmail!.Trim();
            if (int.TryParse(idOrEmail, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
                return Users.Find(u => u.Id == id);
            return Users.Find(u => string.Equals(u.Email, idOrEmail, StringComparison.OrdinalIgnoreCase));
        }

        public PplUser? UserById(int? id) => id == null ? null : Users.Find(u => u.Id == id.Value);

        public PplStep? FindStep(string? idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) return null;
            idOrName = idOrName!.Trim();
            if (int.TryParse(idOrName, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
            {
                var byId = Steps.Find(s => s.Id == id);
                if (byId != null) return byId;
            }
            return Steps.Find(s => string.Equals(s.Name, idOrName, StringComparison.Ordinal))
                ?? Steps.Find(s => string.Equals(s.Name, idOrName, StringComparison.OrdinalIgnoreCase));
        }

        public PplStep? StepById(int id) => Steps.Find(s => s.Id == id);
        public PplPipeline? PipelineById(int id) => Pipelines.Find(p => p.Id == id);
        public PplTeam? TeamById(int? id) => id == null ? null : Teams.Find(t => t.Id == id.Value);
        public PplClientFolder? ClientById(int? id) => id == null ? null : Clients.Find(c => c.Id == id.Value);
        public PplLead? LeadById(int id) => LeadsById.TryGetValue(id, out var l) ? l : null;

        public PplStep DefaultFirstStep()
        {
            var pipeline = Pipelines.Find(p => p.IsDefault) ?? Pipelines[0];
            PplStep? first = null;
            foreach (var s in Steps)
                if (s.PipelineId == pipeline.Id && (first == null || s.Position < first.Position)) first = s;
            return first ?? Steps[0];
        }

        /// <summary>The first team the user belongs to: that is the team a lead gets on assignment.</summary>
        public PplTeam? TeamOfUser(int? userId)
        {
            if (userId == null) return null;
            foreach (var t in Teams)
                if (t.Members.Exists(m => m.UserId == userId.Value)) return t;
            return null;
        }

        public string DescriptionOf(PplLead lead) =>
            lead.StoredDescription ?? PplSeeder.Describe(lead.ContactSeed);

        public List<PplComment> CommentsOf(int leadId) =>
            CommentsByLead.TryGetValue(leadId, out var list) ? list : new List<PplComment>();

        public int AttachmentCount(int leadId) =>
            AttachmentsByLead.TryGetValue(leadId, out var list) ? list.Count : 0;

        // ---- lead storage ----

        public void AddLead(PplLead lead)
        {
            // Ids only grow, so appending keeps the list in id order.
            Leads.Add(lead);
            LeadsById[lead.Id] = lead;
            LeadVersion++;
        }

        public void RemoveLeads(ICollection<int> ids)
        {
            if (ids.Count == 0) return;
            var set = new HashSet<int>(ids);
            Leads.RemoveAll(l => set.Contains(l.Id));
            foreach (var id in set)
            {
                LeadsById.Remove(id);
                CommentsByLead.Remove(id);
                AttachmentsByLead.Remove(id);
                HistoryByLead.Remove(id);
            }
            LeadVersion++;
        }

        public void Touch(PplLead lead)
        {
            lead.UpdatedAt = Now;
            LeadVersion++;
        }

        public string NewToken()
        {
            var bytes = Guid.NewGuid().ToByteArray();
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        private static string MakeKey(int seed)
        {
            const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            var rng = new PplRandom(seed * 7919L + 17);
            var key = new char[20];
            for (int i = 0; i < key.Length; i++) key[i] = chars[rng.Next(chars.Length)];
            return new string(key);
        }
    }
}
