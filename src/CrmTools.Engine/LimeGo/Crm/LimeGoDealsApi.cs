using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo.GraphQL;
using CrmTools.Engine.LimeGo.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>What Get-LimeGoDeal searches for. The service searches by text; the rest is filtered as pages arrive.</summary>
    public sealed class LimeGoDealQuery
    {
        /// <summary>The service's search text (<c>deals(query:)</c>); empty lists every deal.</summary>
        public string Query { get; set; } = string.Empty;

        /// <summary>Only deals in one of these statuses.</summary>
        public string[]? Status { get; set; }

        /// <summary>Only deals whose responsible coworker has this id, e-mail address or name.</summary>
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Only deals carrying all of these tags.</summary>
        public string[]? Tag { get; set; }

        internal Func<LimeGoDeal, bool>? Filter()
        {
            if ((Status == null || Status.Length == 0) && ResponsibleCoworker == null && (Tag == null || Tag.Length == 0)) return null;
            return deal =>
                (Status == null || Status.Length == 0 || Status.Any(s => string.Equals(s, deal.Status, StringComparison.OrdinalIgnoreCase))) &&
                (ResponsibleCoworker == null || LimeGoCoworkersApi.Matches(deal.ResponsibleCoworker, ResponsibleCoworker)) &&
                LimeGoTags.HasAll(deal.Tags, Tag);
        }
    }

    /// <summary>Deals through GraphQL: by id, search, and changes of status and responsible coworker.</summary>
    public sealed class LimeGoDealsApi
    {
        private readonly LimeGoConnection _connection;
        private readonly object _statusGate = new object();
        private Task<IReadOnlyList<string>?>? _statuses;

        internal LimeGoDealsApi(LimeGoConnection connection) => _connection = connection;

        /// <summary><c>deal(id:)</c>; a deal that does not exist is LimeGo.DealNotFound.</summary>
        public async Task<LimeGoDeal> GetAsync(long id, CancellationToken cancellationToken)
        {
            var deal = await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Deal, new Dictionary<string, object?> { ["id"] = id }, "deal",
                LimeGoJsonContext.Default.LimeGoDeal, cancellationToken).ConfigureAwait(false);
            return deal ?? throw NotFound(id);
        }

        /// <summary><c>deals(query:, first:, offset:)</c>, streamed page by page (at most 20 a page), filtered as pages arrive.</summary>
        public ItemStream<LimeGoDeal> List(LimeGoDealQuery query, PageRequest paging, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var text = query.Query ?? string.Empty;
            return GraphQLPager.Create(paging, query.Filter(), async (offset, first, ct) =>
            {
                var variables = new Dictionary<string, object?> { ["query"] = text, ["first"] = first, ["offset"] = offset };
                return await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Deals, variables, "deals",
                    LimeGoJsonContext.Default.ListLimeGoDeal, ct).ConfigureAwait(false) ?? new List<LimeGoDeal>();
            }, cancellationToken);
        }

        /// <summary>
        /// The account's deal statuses (the values of the Deal.status enum, read once per connection by introspection),
        /// or null when the service does not tell (then the service alone validates).
        /// </summary>
        public Task<IReadOnlyList<string>?> GetStatusValuesAsync(CancellationToken cancellationToken)
        {
            lock (_statusGate)
            {
                if (_statuses == null || _statuses.IsFaulted || _statuses.IsCanceled) _statuses = LoadStatusValuesAsync(cancellationToken);
                return _statuses;
            }
        }

        /// <summary>
        /// Changes the status and/or responsible coworker of deal <paramref name="id"/> in one mutation and returns the
        /// deal as it is afterwards. The status is checked against the account's statuses first.
        /// </summary>
        public async Task<LimeGoDeal> SetAsync(long id, string? status, long? responsibleCoworkerId, CancellationToken cancellationToken)
        {
            if (status == null && responsibleCoworkerId == null)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Status", "Give -Status, -ResponsibleCoworker or both.");
            }
            var changes = new List<MutationSpec>();
            var variables = new Dictionary<string, object?> { ["id"] = id };
            if (status != null)
            {
                variables[LimeGoGraphQLDocuments.ValueVariable(changes.Count)] = await CanonicalStatusAsync(status, "Status", cancellationToken).ConfigureAwait(false);
                changes.Add(LimeGoGraphQLDocuments.SetDealStatus);
            }
            if (responsibleCoworkerId != null)
            {
                variables[LimeGoGraphQLDocuments.ValueVariable(changes.Count)] = responsibleCoworkerId.Value;
                changes.Add(LimeGoGraphQLDocuments.SetDealResponsibleCoworker);
            }
            var document = LimeGoGraphQLDocuments.Mutation("SetDeal", changes, LimeGoGraphQLDocuments.DealFields);
            var deal = await _connection.GraphQL.ExecuteAsync(document, variables, "result", LimeGoJsonContext.Default.LimeGoDeal, cancellationToken).ConfigureAwait(false);
            return deal ?? throw NotFound(id);
        }

        /// <summary>The status in the account's spelling, or a validation error listing the statuses.</summary>
        public async Task<string> CanonicalStatusAsync(string status, string parameter, CancellationToken cancellationToken)
        {
            var known = await GetStatusValuesAsync(cancellationToken).ConfigureAwait(false);
            if (known == null) return status.Trim();
            return LimeGoVocabulary.Canonical(status, known, parameter, "deal status of this account");
        }

        private async Task<IReadOnlyList<string>?> LoadStatusValuesAsync(CancellationToken cancellationToken)
        {
            try
            {
                var type = await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.DealStatusValues, new Dictionary<string, object?>(), "__type",
                    LimeGoJsonContext.Default.DictionaryStringJsonElement, cancellationToken).ConfigureAwait(false);
                if (type == null || !type.TryGetValue("enumValues", out var values) || values.ValueKind != JsonValueKind.Array) return null;
                var names = values.EnumerateArray()
                    .Select(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var n) ? n.GetString() : null)
                    .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
                return names.Count == 0 ? null : names;
            }
            catch (LimeGoGraphQLException ex)
            {
                // Introspection switched off, or the type has another name: let the service validate.
                CrmLog.Verbose("The account's deal statuses could not be read (" + ex.Message + "); statuses are not checked before sending.");
                return null;
            }
        }

        private static CrmException NotFound(long id) =>
            new CrmException(LimeGoConnection.ServicePrefix, CrmErrorKind.NotFound, $"Deal {id.ToString(CultureInfo.InvariantCulture)} was not found.") { Resource = "Deal" };
    }

    internal static class LimeGoTags
    {
        public static bool HasAll(string[]? tags, string[]? wanted) =>
            wanted == null || wanted.Length == 0 || wanted.All(w => tags != null && tags.Any(t => string.Equals(t, w, StringComparison.OrdinalIgnoreCase)));
    }
}
