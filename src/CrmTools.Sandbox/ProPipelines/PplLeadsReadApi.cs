using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>GET /leads (filters, order, paging, X-TOTAL-COUNT), /leads/{id}, /leads/unassigned, /leads/{id}/business_card.</summary>
    internal static class PplLeadsReadApi
    {
        public static void Register(PplRouter r)
        {
            r.Get("leads", List);
            r.Get("leads/unassigned", Unassigned);
            r.Get("leads/{id}", Get);
            r.Get("leads/{id}/business_card", BusinessCard);
        }

        private static ServiceResponse List(PplCall call)
        {
            var query = PplLeadQuery.From(call);
            var all = call.State.CachedQuery(query.CacheKey(), () => query.Run(call.State));
            return Page(call.State, all, query.Offset, query.Limit);
        }

        private static ServiceResponse Unassigned(PplCall call)
        {
            int limit = call.Params.GetInt("limit") ?? 100;
            int offset = call.Params.GetInt("offset") ?? 0;
            if (limit < 0 || offset < 0) throw PplError.BadParameter("Parameters [limit] and [offset] should be positive integers.");
            var all = call.State.CachedQuery("unassigned", () =>
            {
                var list = call.State.Leads.FindAll(l => l.UserId == null);
                list.Reverse(); // newest first, like the other lists
                return list;
            });
            return Page(call.State, all, offset, limit);
        }

        private static ServiceResponse Page(PplState s, List<PplLead> all, int offset, int limit)
        {
            var page = new JsonArray();
            for (int i = offset; i < all.Count && i < (long)offset + limit; i++) page.Add(PplJson.LeadSummary(s, all[i]));
            return ServiceResponse.Json(200, page).WithHeader("X-TOTAL-COUNT", all.Count.ToString(CultureInfo.InvariantCulture));
        }

        private static ServiceResponse Get(PplCall call) =>
            ServiceResponse.Json(200, PplJson.Lead(call.State, call.LeadOr404(call.RouteId("id"))));

        private static ServiceResponse BusinessCard(PplCall call)
        {
            var lead = call.LeadOr404(call.RouteId("id"));
            if (lead.BusinessCardId == null) throw PplError.NotFound();
            var url = new Uri(call.State.AccountUri, "uploads/business_cards/" + lead.BusinessCardId.Value.ToString(CultureInfo.InvariantCulture) + ".jpg");
            return ServiceResponse.Json(200, new JsonObject { ["url"] = url.ToString() });
        }
    }
}
