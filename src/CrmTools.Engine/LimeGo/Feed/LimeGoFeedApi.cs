using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.LimeGo.Feed;
using CrmTools.Engine.LimeGo.Models;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>How Get-LimeGoFeed drains the feed.</summary>
    public sealed class LimeGoFeedOptions
    {
        /// <summary>The spool folder; null: the per-user default for the connection's account.</summary>
        public string? SpoolPath { get; set; }

        /// <summary>Keep polling after the feed is empty (until cancelled).</summary>
        public bool Wait { get; set; }

        /// <summary>Wait between polls once the feed is empty; doubles while it stays empty.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest wait between polls.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>
    /// The pull feed: <c>GET /v1/event/feed/?peek=false</c> answers <c>{"items": [...]}</c>, at most 50 events, oldest
    /// first, each handed out once and then gone from the service.
    /// </summary>
    public sealed class LimeGoFeedApi
    {
        /// <summary>Events the service hands out per call; a shorter batch means the feed is empty for now.</summary>
        public const int BatchSize = 50;

        internal const string Path = "event/feed/";

        private readonly LimeGoConnection _connection;

        internal LimeGoFeedApi(LimeGoConnection connection) => _connection = connection;

        /// <summary>The per-user spool folder of this connection's account: &lt;LocalApplicationData&gt;/CrmTools/LimeGo/feed-&lt;account&gt;.</summary>
        public string DefaultSpoolPath
        {
            get
            {
                var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(root))
                {
                    var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE");
                    if (string.IsNullOrEmpty(home))
                    {
                        throw new CrmValidationException(LimeGoConnection.ServicePrefix, "SpoolPath",
                            "This account has no per-user data folder (no profile, no HOME); give the spool's folder with -SpoolPath.");
                    }
                    root = System.IO.Path.Combine(home, ".local", "share");
                }
                return System.IO.Path.Combine(root, "CrmTools", "LimeGo", "feed-" + _connection.AccountKey);
            }
        }

        /// <summary>Opens the spool (exclusively) and returns a reader that replays it, then drains the service.</summary>
        public LimeGoFeedReader OpenReader(LimeGoFeedOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.PollInterval <= TimeSpan.Zero) throw new CrmValidationException(LimeGoConnection.ServicePrefix, "PollInterval", "PollInterval must be positive.");
            if (options.MaxPollInterval < options.PollInterval) options.MaxPollInterval = options.PollInterval;
            var spool = LimeGoSpool.Open(ResolveSpoolPath(options.SpoolPath));
            return new LimeGoFeedReader(this, spool, options);
        }

        /// <summary>What waits in the spool (fetched, not yet taken by a pipeline), oldest first, without fetching or locking.</summary>
        public IReadOnlyList<LimeGoEvent> Peek(string? spoolPath) => PeekSpool(ResolveSpoolPath(spoolPath));

        /// <summary>What waits in the spool folder <paramref name="spoolPath"/> (no connection needed).</summary>
        public static IReadOnlyList<LimeGoEvent> PeekSpool(string spoolPath) =>
            LimeGoSpool.ReadPending(System.IO.Path.GetFullPath(spoolPath)).Select(r => LimeGoFeedReader.Parse(r.Json)).ToList();

        /// <summary>The folder a spool path means (the default when null), made absolute.</summary>
        public string ResolveSpoolPath(string? spoolPath) =>
            System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(spoolPath) ? DefaultSpoolPath : spoolPath!);

        /// <summary>
        /// One batch straight from the service, with no spool: whatever this returns is gone from the service, and
        /// nothing keeps it if the caller fails. Get-LimeGoFeed never uses this alone (see <see cref="OpenReader"/>).
        /// </summary>
        public async Task<IReadOnlyList<LimeGoEvent>> FetchAsync(CancellationToken cancellationToken) =>
            (await FetchBatchAsync(cancellationToken).ConfigureAwait(false)).Select(LimeGoFeedReader.Parse).ToList();

        /// <summary>One batch as compact JSON texts, exactly the fields the service sent.</summary>
        internal async Task<IReadOnlyList<string>> FetchBatchAsync(CancellationToken cancellationToken)
        {
            // Reading the feed consumes it: never repeat the call after an ambiguous failure (timeout, dropped
            // connection, 502), only when the service said it did not process it (429, 503 with Retry-After).
            var request = new CrmRequest(HttpMethod.Get, Path) { Resource = "Feed", Idempotent = false }.AddQuery("peek", "false");
            using var response = await _connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
#if NET
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            try
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                var root = document.RootElement;
                JsonElement items;
                if (root.ValueKind == JsonValueKind.Array) items = root;
                else if (root.ValueKind == JsonValueKind.Null) return Array.Empty<string>();
                else if (root.ValueKind != JsonValueKind.Object || !TryGetItems(root, out items)) throw new JsonException("expected {\"items\": [...]}.");
                var batch = new List<string>(items.GetArrayLength());
                foreach (var item in items.EnumerateArray()) batch.Add(PlainJson.Compact(item));
                return batch;
            }
            catch (JsonException ex)
            {
                throw new CrmApiException(LimeGoConnection.ServicePrefix, CrmErrorKind.Protocol, "GET", Redactor.RedactUrl(request.BuildUri(_connection.Http.ApiBase)),
                    (int)response.StatusCode, "The feed answered with JSON this module could not read: " + ex.Message, null, ex) { Resource = "Feed" };
            }
        }

        // {"items": [...]}; an empty feed may also answer "items": null or {}.
        private static bool TryGetItems(JsonElement root, out JsonElement items)
        {
            items = EmptyArray;
            var any = false;
            foreach (var p in root.EnumerateObject())
            {
                any = true;
                if (!string.Equals(p.Name, "items", StringComparison.OrdinalIgnoreCase)) continue;
                if (p.Value.ValueKind == JsonValueKind.Array) items = p.Value;
                return p.Value.ValueKind == JsonValueKind.Array || p.Value.ValueKind == JsonValueKind.Null;
            }
            return !any;
        }

        private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();
    }
}
