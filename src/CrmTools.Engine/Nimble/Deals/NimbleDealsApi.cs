using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.Nimble.Deals
{
    /// <summary>Deals (API v2): /api/v2/deals.</summary>
    public sealed class NimbleDealsApi
    {
        public const int MaxPageSize = 100;

        /// <summary>The deal listing requires a sort (field:order); this one when none is asked for.</summary>
        public const string DefaultSort = "created";

        private static readonly Regex SortField = new Regex("^[A-Za-z_][A-Za-z0-9_ .]*$", RegexOptions.CultureInvariant);

        private readonly NimbleConnection _connection;

        internal NimbleDealsApi(NimbleConnection connection) => _connection = connection;

        /// <summary>GET /api/v2/deals/{id}.</summary>
        public Task<NimbleDeal> GetAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendJsonAsync(new CrmRequest(HttpMethod.Get, "api/v2/deals/" + NimbleContactsApi.Escape(id, "Id")) { Resource = "Deal" },
                NimbleJsonContext.Default.NimbleDeal, cancellationToken);

        /// <summary>GET /api/v2/deals?sort=field:order: every deal of the user, streamed page by page.</summary>
        public ItemStream<NimbleDeal> List(string? sortBy, bool descending, PageRequest paging, CancellationToken cancellationToken)
        {
            var sort = Sort(sortBy, descending);
            CheckPageSize(paging);
            return PageNumberAdapter<NimbleDeal>.Stream(paging, async (page, perPage, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, "api/v2/deals") { Resource = "Deal" }
                    .AddQuery("sort", sort).AddQuery("limit", perPage).AddQuery("page", page);
                var listing = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDealListing, ct).ConfigureAwait(false);
                return new NumberedPage<NimbleDeal>(listing.Resources ?? new List<NimbleDeal>(), listing.Meta?.Page, listing.Meta?.Pages, listing.Meta?.Total);
            }, cancellationToken);
        }

        /// <summary>
        /// GET /api/v2/deals/pipelines/{id}/deals: the deals of one pipeline (optionally one stage), stage by stage,
        /// following each stage's next-page link.
        /// </summary>
        public ItemStream<NimbleDeal> ListInPipeline(string pipelineId, string? stageId, string? sortBy, bool descending, PageRequest paging,
            CancellationToken cancellationToken)
        {
            var sort = Sort(sortBy, descending);
            CheckPageSize(paging);
            var path = "api/v2/deals/pipelines/" + NimbleContactsApi.Escape(pipelineId, "Pipeline") + "/deals";
            var pending = new Queue<string>();
            var started = false;
            return SequentialAdapter<NimbleDeal>.Stream(paging, async ct =>
            {
                CrmRequest request;
                if (!started)
                {
                    started = true;
                    request = new CrmRequest(HttpMethod.Get, path) { Resource = "Pipeline" }.AddQuery("sort", sort).AddQuery("limit", paging.PageSize);
                    if (stageId != null) request.AddQuery("stage_id", stageId);
                }
                else if (pending.Count > 0)
                {
                    request = new CrmRequest(HttpMethod.Get, NextPage(pending.Dequeue())) { Resource = "Pipeline" };
                }
                else
                {
                    return null;
                }
                var answer = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDealsByStage, ct).ConfigureAwait(false);
                var deals = new List<NimbleDeal>();
                foreach (var group in answer.Stages ?? new List<NimbleDealStageGroup>())
                {
                    if (stageId != null && group.Stage?.StageId != null && group.Stage.StageId != stageId) continue;
                    deals.AddRange(group.Deals ?? new List<NimbleDeal>());
                    if (!string.IsNullOrEmpty(group.Meta?.NextPageUrl)) pending.Enqueue(group.Meta!.NextPageUrl!);
                }
                return deals;
            }, cancellationToken);
        }

        /// <summary>
        /// GET /api/v2/deals/pipelines/{id}/owners: the deals of one pipeline, owner by owner (only the owners
        /// <paramref name="owner"/> accepts, when given), following each owner's next-page link.
        /// </summary>
        public ItemStream<NimbleDeal> ListInPipelineByOwner(string pipelineId, Func<NimbleUserInfo?, bool>? owner, string? sortBy, bool descending,
            PageRequest paging, CancellationToken cancellationToken)
        {
            var sort = Sort(sortBy, descending);
            CheckPageSize(paging);
            var path = "api/v2/deals/pipelines/" + NimbleContactsApi.Escape(pipelineId, "Pipeline") + "/owners";
            var pending = new Queue<string>();
            var started = false;
            return SequentialAdapter<NimbleDeal>.Stream(paging, async ct =>
            {
                CrmRequest request;
                if (!started)
                {
                    started = true;
                    request = new CrmRequest(HttpMethod.Get, path) { Resource = "Pipeline" }.AddQuery("sort", sort).AddQuery("limit", paging.PageSize);
                }
                else if (pending.Count > 0)
                {
                    request = new CrmRequest(HttpMethod.Get, NextPage(pending.Dequeue())) { Resource = "Pipeline" };
                }
                else
                {
                    return null;
                }
                var answer = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDealsByOwner, ct).ConfigureAwait(false);
                var deals = new List<NimbleDeal>();
                foreach (var group in answer.Groups ?? new List<NimbleDealOwnerGroup>())
                {
                    if (owner != null && !owner(group.Owner)) continue;
                    foreach (var deal in group.Deals ?? new List<NimbleDeal>())
                    {
                        deal.Owner ??= group.Owner;
                        deals.Add(deal);
                    }
                    if (!string.IsNullOrEmpty(group.Meta?.NextPageUrl)) pending.Enqueue(group.Meta!.NextPageUrl!);
                }
                return deals;
            }, cancellationToken);
        }

        /// <summary>POST /api/v2/deals (the pipeline and stage resolved by the caller).</summary>
        public Task<NimbleDeal> CreateAsync(NimbleDealInput input, NimblePipelineResolution placement, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (placement == null) throw new ArgumentNullException(nameof(placement));
            var body = input.ToBody(placement, create: true);
            var request = new CrmRequest(HttpMethod.Post, "api/v2/deals") { Resource = "Deal" }.WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDeal, cancellationToken);
        }

        /// <summary>PUT /api/v2/deals/{id}: changes only what <paramref name="input"/> sets (and moves it when <paramref name="placement"/> is given).</summary>
        public Task<NimbleDeal> UpdateAsync(string id, NimbleDealInput input, NimblePipelineResolution? placement, CancellationToken cancellationToken)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var body = input.ToBody(placement, create: false);
            var request = new CrmRequest(HttpMethod.Put, "api/v2/deals/" + NimbleContactsApi.Escape(id, "Id")) { Resource = "Deal" }.WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleDeal, cancellationToken);
        }

        /// <summary>DELETE /api/v2/deals/{id}.</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _connection.SendAsync(new CrmRequest(HttpMethod.Delete, "api/v2/deals/" + NimbleContactsApi.Escape(id, "Id")) { Resource = "Deal" }, cancellationToken);

        /// <summary>GET /api/v2/deals/widget/won_last_month: the amount and number of deals won last month.</summary>
        public Task<NimbleDealSummary> GetWonLastMonthAsync(CancellationToken cancellationToken) =>
            _connection.SendJsonAsync(new CrmRequest(HttpMethod.Get, "api/v2/deals/widget/won_last_month") { Resource = "Deal" },
                NimbleJsonContext.Default.NimbleDealSummary, cancellationToken);

        /// <summary>GET /api/v2/deals/tags: the deal tags (optionally those starting with a text), at most <paramref name="limit"/>.</summary>
        public async Task<IReadOnlyList<NimbleTag>> ListTagsAsync(string? startsWith, int? limit, CancellationToken cancellationToken)
        {
            if (limit.HasValue && limit.Value < 1) throw new CrmValidationException("Nimble", "First", "The tag limit must be at least 1.");
            var request = new CrmRequest(HttpMethod.Get, "api/v2/deals/tags") { Resource = "Tag" }
                .AddQuery("starts_with", string.IsNullOrEmpty(startsWith) ? null : startsWith).AddQuery("limit", limit);
            var list = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleTagList, cancellationToken).ConfigureAwait(false);
            return list.Tags ?? new List<NimbleTag>();
        }

        /// <summary>
        /// GET /api/v2/deals/{id}/overdue: the deal's overdue activities, longest overdue first, at most <paramref name="limit"/>,
        /// optionally only of the given activity types (sent as repeated types=).
        /// </summary>
        public async Task<IReadOnlyList<NimbleActivity>> ListOverdueActivitiesAsync(string dealId, int? limit, IReadOnlyList<string>? types,
            CancellationToken cancellationToken)
        {
            if (limit.HasValue && limit.Value < 1) throw new CrmValidationException("Nimble", "Limit", "The activity limit must be at least 1.");
            var request = new CrmRequest(HttpMethod.Get, "api/v2/deals/" + NimbleContactsApi.Escape(dealId, "DealId") + "/overdue") { Resource = "Deal" }
                .AddQuery("limit", limit);
            foreach (var type in (types ?? Array.Empty<string>()).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal))
            {
                request.AddQuery("types", type);
            }
            var feed = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleActivityFeed, cancellationToken).ConfigureAwait(false);
            var activities = feed.Activities ?? new List<NimbleActivity>();
            foreach (var a in activities) a.DealId = dealId;
            return activities;
        }

        /// <summary>
        /// POST /api/v2/deals/tags: assigns <paramref name="tags"/> to every deal the advanced-search <paramref name="query"/>
        /// finds (a dictionary tree or JSON text; checked as the contact query is); with <paramref name="preflightChecks"/>,
        /// Nimble first checks that all those deals are editable (406 otherwise). Returns the assignment's progress.
        /// </summary>
        public Task<NimbleTagAssignment> AddTagsAsync(IReadOnlyList<string> tags, object query, bool preflightChecks, CancellationToken cancellationToken)
        {
            var names = Tags(tags, "Tag");
            if (query == null) throw new CrmValidationException("Nimble", "Query", "-Query is required: the advanced search selecting the deals to tag.");
            var search = new NimbleContactQuery { Query = query }.BuildQuery()!;
            var body = new JsonObject
            {
                ["tags"] = new JsonArray(names.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["query"] = search,
                ["preflight_checks"] = preflightChecks,
            };
            return AddTagsCoreAsync(body, cancellationToken);
        }

        private async Task<NimbleTagAssignment> AddTagsCoreAsync(JsonObject body, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Post, "api/v2/deals/tags") { Resource = "Tag" }.WithJson(NimbleJson.ToUtf8(body));
            var answer = await _connection.SendJsonAsync(request, NimbleJsonContext.Default.NimbleTagAssignmentAnswer, cancellationToken).ConfigureAwait(false);
            return answer.PushData ?? new NimbleTagAssignment();
        }

        /// <summary>PUT /api/v2/deals/tags/{name} (the spec's /api/2/ is a typo): renames a deal tag on every deal (406 when the new name exists).</summary>
        public Task RenameTagAsync(string name, string newName, CancellationToken cancellationToken)
        {
            var oldName = Tags(new[] { name }, "Name")[0];
            var renamed = Tags(new[] { newName }, "NewName")[0];
            var body = new JsonObject { ["new_tag"] = renamed };
            var request = new CrmRequest(HttpMethod.Put, "api/v2/deals/tags/" + NimbleContactsApi.Escape(oldName, "Name")) { Resource = "Tag" }
                .WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendAsync(request, cancellationToken);
        }

        /// <summary>DELETE /api/v2/deals/tags/{name}: removes a deal tag from every deal (with <paramref name="preflightChecks"/>: only if all are editable).</summary>
        public Task DeleteTagAsync(string name, bool preflightChecks, CancellationToken cancellationToken)
        {
            var tag = Tags(new[] { name }, "Name")[0];
            var body = new JsonObject { ["preflight_checks"] = preflightChecks };
            var request = new CrmRequest(HttpMethod.Delete, "api/v2/deals/tags/" + NimbleContactsApi.Escape(tag, "Name")) { Resource = "Tag" }
                .WithJson(NimbleJson.ToUtf8(body));
            return _connection.SendAsync(request, cancellationToken);
        }

        private static List<string> Tags(IReadOnlyList<string>? tags, string parameter)
        {
            var names = (tags ?? Array.Empty<string>()).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0) throw new CrmValidationException("Nimble", parameter, "A tag name is required (not empty).");
            return names;
        }

        // A next-page link may be absolute, root-relative ("/api/v2/...") or relative to the API base.
        private string NextPage(string link) => new Uri(_connection.Http.ApiBase, link).AbsoluteUri;

        internal static string Sort(string? sortBy, bool descending)
        {
            var field = string.IsNullOrWhiteSpace(sortBy) ? DefaultSort : sortBy!.Trim();
            if (!SortField.IsMatch(field)) throw new CrmValidationException("Nimble", "SortBy", $"'{sortBy}' is not a field name to sort by.");
            return field + ":" + (descending ? "desc" : "asc");
        }

        private static void CheckPageSize(PageRequest paging)
        {
            if (paging.PageSize < 1 || paging.PageSize > MaxPageSize)
            {
                throw new CrmValidationException("Nimble", "PageSize", $"PageSize must be between 1 and {MaxPageSize}.");
            }
        }
    }
}
