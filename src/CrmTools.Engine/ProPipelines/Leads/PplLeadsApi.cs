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
    /// <summary>The /leads endpoints: read, create, update, assign, file, delete.</summary>
    public sealed class PplLeadsApi : PplApiBase
    {
        /// <summary>The most leads one request returns (the documented default limit, treated as the cap).</summary>
        public const int MaxPageSize = 100;

        /// <summary>Lead ids sent per delete_multiple call (the service documents no limit; this keeps a URL-safe, quick call).</summary>
        public const int DeleteBatchSize = 100;

        internal PplLeadsApi(PplConnection connection) : base(connection) { }

        /// <summary>GET /leads/{id}: the full lead with its extended info.</summary>
        public Task<PplLead> GetAsync(long id, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, "leads/" + id.ToString(CultureInfo.InvariantCulture)) { Resource = "Lead" };
            return Connection.Http.SendJsonAsync(request, PplJsonContext.Default.PplLead, cancellationToken);
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

        /// <summary>POST /leads.</summary>
        public Task<PplLead> CreateAsync(PplNewLead lead, CancellationToken cancellationToken)
        {
            lead.Validate(Connection);
            return SendAsync(Post, "leads", "Lead", lead.ToBody(), PplJsonContext.Default.PplLead, cancellationToken);
        }

        /// <summary>
        /// PUT /leads/{id}, after the documented rules: the static ones, the step resolved to one id,
        /// and, when a probability comes without an amount, the lead's own amount (one GET).
        /// </summary>
        public async Task<PplLead> UpdateAsync(long id, PplLeadUpdate update, CancellationToken cancellationToken)
        {
            update.Validate();
            long? stepId = null;
            if (update.Step != null) stepId = (await Connection.Steps.ResolveAsync(update.Step, cancellationToken).ConfigureAwait(false)).Id;
            if (update.NeedsExistingAmount)
            {
                var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                CheckAgainst(current, update);
            }
            return await SendAsync(Put, PathOf("leads", id), "Lead", update.ToBody(stepId), PplJsonContext.Default.PplLead, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /leads/{id}/assign: gives the lead to a user, who is notified (unlike an update's user_id).</summary>
        public Task<PplLead> AssignAsync(long id, string user, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(user)) throw new Errors.CrmValidationException("Ppl", "UserId", "Give the user's id or e-mail.");
            return SendAsync(Post, PathOf("leads", id, "assign"), "Lead", new PplJsonBody().AddUser("user_id", user), PplJsonContext.Default.PplLead, cancellationToken);
        }

        /// <summary>POST /leads/{id}/add_to_client.</summary>
        public Task<PplLead> AddToClientFolderAsync(long id, long clientFolderId, CancellationToken cancellationToken) =>
            SendAsync(Post, PathOf("leads", id, "add_to_client"), "Lead", new PplJsonBody().Add("client_id", clientFolderId),
                PplJsonContext.Default.PplLead, cancellationToken);

        /// <summary>
        /// DELETE /leads/delete_multiple for one batch (at most <see cref="DeleteBatchSize"/> ids).
        /// Returns the ids the service did not delete (gone already, or not this user's to delete).
        /// </summary>
        public async Task<IReadOnlyList<long>> DeleteBatchAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0) return Array.Empty<long>();
            if (ids.Count > DeleteBatchSize) throw new ArgumentOutOfRangeException(nameof(ids), $"At most {DeleteBatchSize} ids per batch.");
            var body = new PplJsonBody().Add("ids", string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))));
            return await SendAsync(Delete, "leads/delete_multiple", "Lead", body, PplJsonContext.Default.ListInt64, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>GET /leads/{id}/business_card: a short-lived link to the card's picture.</summary>
        public async Task<PplBusinessCard> GetBusinessCardAsync(long id, CancellationToken cancellationToken)
        {
            var answer = await GetAsync(PathOf("leads", id, "business_card"), "BusinessCard", PplJsonContext.Default.PplUrlAnswer, cancellationToken).ConfigureAwait(false);
            return new PplBusinessCard { LeadId = id, Url = answer.Url, AdditionalProperties = answer.AdditionalProperties };
        }

        /// <summary>GET /leads/{id}/duplicates: leads with the same title or the same value in a key field.</summary>
        public async Task<IReadOnlyList<PplLeadDuplicate>> GetDuplicatesAsync(long id, CancellationToken cancellationToken)
        {
            var list = await GetListAsync(PathOf("leads", id, "duplicates"), "Lead", PplJsonContext.Default.ListPplLeadDuplicate, cancellationToken).ConfigureAwait(false);
            foreach (var d in list) d.DuplicateOf = id;
            return list;
        }

        /// <summary>POST /leads/{id}/emails/send_email_from_template. Returns the service's message.</summary>
        public async Task<string?> SendTemplateEmailAsync(long id, long templateId, CancellationToken cancellationToken)
        {
            try
            {
                var answer = await SendAsync(Post, PathOf("leads", id, "emails", "send_email_from_template"), "Lead",
                    new PplJsonBody().Add("email_template_id", templateId), PplJsonContext.Default.PplMessageAnswer, cancellationToken).ConfigureAwait(false);
                return answer.Message;
            }
            catch (Errors.CrmApiException ex) when (ex.Kind == Errors.CrmErrorKind.NotFound)
            {
                // A 404 here means the lead or the template: look at the lead (a GET, on the error path only) to say which.
                await GetAsync(id, cancellationToken).ConfigureAwait(false);
                ex.Resource = "EmailTemplate";
                throw;
            }
        }

        // The rules that depend on the lead as it is now.
        private static void CheckAgainst(PplLead current, PplLeadUpdate update)
        {
            if (current.UserId == null && update.NeedsOwner)
            {
                throw new Errors.CrmValidationException("Ppl", "UserId",
                    $"Lead {current.Id} is unassigned: the service does not change its status, step, starred, amount or probability until it is assigned. Give -UserId too, or assign it first.");
            }
            if (update.NeedsExistingAmount && current.Amount == null)
            {
                throw new Errors.CrmValidationException("Ppl", "Probability",
                    $"A probability cannot be set without an amount, and lead {current.Id} has none: give -Amount too.");
            }
        }

        private async Task<Page<PplLead>> FetchPageAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            using var response = await Connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = await Connection.Http.ReadJsonAsync(request, response, PplJsonContext.Default.ListPplLead, cancellationToken).ConfigureAwait(false);
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
