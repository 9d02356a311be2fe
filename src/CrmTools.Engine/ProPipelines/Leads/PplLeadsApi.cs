using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Http;
using CrmTools.Engine.Paging;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The /leads endpoints.</summary>
    public sealed class PplLeadsApi
    {
        /// <summary>The most leads one request returns (the documented default limit, treated as the cap).</summary>
        public const int MaxPageSize = 100;

        private readonly PplConnection _connection;

        internal PplLeadsApi(PplConnection connection) => _connection = connection;

        /// <summary>GET /leads/{id}: the full lead with its extended info.</summary>
        public Task<PplLead> GetAsync(long id, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, "leads/" + id.ToString(CultureInfo.InvariantCulture)) { Resource = "Lead" };
            return _connection.Http.SendJsonAsync(request, PplJsonContext.Default.PplLead, cancellationToken);
        }

        /// <summary>GET /leads with filters, streamed page by page.</summary>
        public ItemStream<PplLead> List(PplLeadQuery query, PageRequest paging, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            query.Validate();
            CheckPageSize(paging);
            return OffsetPager.Create<PplLead>(paging, (offset, limit, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, "leads") { Resource = "Lead" };
                query.AddTo(request);
                request.AddQuery("limit", limit).AddQuery("offset", offset);
                return FetchPageAsync(request, ct);
            }, cancellationToken);
        }

        /// <summary>GET /leads/unassigned, streamed page by page.</summary>
        public ItemStream<PplLead> ListUnassigned(PageRequest paging, CancellationToken cancellationToken)
        {
            CheckPageSize(paging);
            return OffsetPager.Create<PplLead>(paging, (offset, limit, ct) =>
            {
                var request = new CrmRequest(HttpMethod.Get, "leads/unassigned") { Resource = "Lead" };
                request.AddQuery("limit", limit).AddQuery("offset", offset);
                return FetchPageAsync(request, ct);
            }, cancellationToken);
        }

        private async Task<Page<PplLead>> FetchPageAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            using var response = await _connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = await _connection.Http.ReadJsonAsync(request, response, PplJsonContext.Default.ListPplLead, cancellationToken).ConfigureAwait(false);
            return new Page<PplLead>(items, TotalCount(response));
        }

        /// <summary>The X-TOTAL-COUNT header: the total before paging.</summary>
        internal static long? TotalCount(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("X-TOTAL-COUNT", out var values) &&
                long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total))
            {
                return total;
            }
            return null;
        }

        private static void CheckPageSize(PageRequest paging)
        {
            if (paging.PageSize < 1 || paging.PageSize > MaxPageSize)
            {
                throw new Errors.CrmValidationException("Ppl", "PageSize", $"PageSize must be between 1 and {MaxPageSize}.");
            }
        }
    }
}
