using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// ProPipelines REST API v2 under /ppl/api/v2/: authentication, the daily quota, routing to the
    /// endpoint classes, and the documented error body.
    /// </summary>
    internal sealed class PplService : ISandboxService
    {
        private readonly PplRouter _router = new PplRouter();

        public PplService(SandboxOptions options)
        {
            State = new PplState(options.Seed);
            Quota = new PplQuota(options.PplDailyQuota);
            Webhooks = new PplWebhookDispatcher(State);
            lock (State.Sync)
            {
                PplSeeder.SeedAccount(State);
                ReplaceLeads(Math.Max(0, options.PplLeadCount));
            }
            Facade = new PplSandbox(this);

            PplAuthApi.Register(_router);
            PplAccountApi.Register(_router);
            PplClientsApi.Register(_router);
            PplLeadsReadApi.Register(_router);
            PplLeadsWriteApi.Register(_router);
            PplLeadItemsApi.Register(_router);
            PplSpreadsheetsApi.Register(_router);
            PplUsersApi.Register(_router);
            PplTeamsApi.Register(_router);
            PplWebhooksApi.Register(_router);
        }

        public string Prefix => "ppl";
        public PplState State { get; }
        public PplQuota Quota { get; }
        public PplSandbox Facade { get; }
        public PplWebhookDispatcher Webhooks { get; }

        /// <summary>Called once the listener knows its address.</summary>
        public void Attach(Uri accountUri)
        {
            lock (State.Sync) State.AccountUri = accountUri;
        }

        public void SeedLeads(int count)
        {
            lock (State.Sync) ReplaceLeads(Math.Max(0, count));
        }

        private void ReplaceLeads(int count)
        {
            var leads = PplSeeder.GenerateLeads(State, count);
            State.Leads = leads;
            State.LeadsById = new Dictionary<int, PplLead>(leads.Count);
            foreach (var l in leads) State.LeadsById[l.Id] = l;
            State.CommentsByLead.Clear();
            State.AttachmentsByLead.Clear();
            State.HistoryByLead.Clear();
            PplSeeder.SeedLeadItems(State);
            State.BumpIdsPast("lead", PplSeeder.FirstLeadId + count - 1);
            State.LeadVersion++;
        }

        public ServiceResponse Handle(ServiceRequest request, IReadOnlyList<string> segments)
        {
            try
            {
                if (segments.Count < 2 || !segments[0].Equals("api", StringComparison.OrdinalIgnoreCase)
                    || !segments[1].Equals("v2", StringComparison.OrdinalIgnoreCase))
                    throw PplError.NotFound();
                var path = new List<string>();
                for (int i = 2; i < segments.Count; i++) path.Add(segments[i]);

                var route = _router.Match(request.Method, path, out var values, out bool pathKnown);
                if (route != null && route.Anonymous)
                    return Run(route, new PplCall(request, State, values, null, null));

                var (user, token) = Authenticate(request);
                if (!Quota.TryTake(out int retryAfter))
                {
                    var seconds = retryAfter.ToString(CultureInfo.InvariantCulture);
                    return Error(PplError.TooManyRequests())
                        .WithHeader("API-RETRY-AFTER", seconds)
                        .WithHeader("Retry-After", seconds);
                }
                if (route == null)
                    throw pathKnown ? new PplError(405, "Method not allowed", "method_not_allowed") : PplError.NotFound();
                return Run(route, new PplCall(request, State, values, user, token));
            }
            catch (PplError e)
            {
                return Error(e);
            }
        }

        private ServiceResponse Run(PplRouter.Route route, PplCall call)
        {
            ServiceResponse response;
            lock (State.Sync) response = route.Handler(call);
            // Deliveries go out after the lock: the receiver may call the API back.
            foreach (var ev in call.RaisedEvents) Webhooks.Deliver(ev);
            return response;
        }

        /// <summary>X-USER-TOKEN wins over X-API-KEY when both are sent; the API key acts as the first admin.</summary>
        private (PplUser?, string?) Authenticate(ServiceRequest request)
        {
            var token = request.Header("X-USER-TOKEN");
            var key = request.Header("X-API-KEY");
            if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(key)) throw PplError.MissingToken();
            lock (State.Sync)
            {
                if (!string.IsNullOrEmpty(token))
                {
                    if (State.Tokens.TryGetValue(token!, out int userId))
                    {
                        var user = State.UserById(userId);
                        if (user != null && !user.IsDisabled) return (user, token);
                    }
                    throw PplError.InvalidToken();
                }
                if (!string.Equals(key, State.ApiKey, StringComparison.Ordinal)) throw PplError.InvalidToken();
                return (null, null);
            }
        }

        public static ServiceResponse Error(PplError e) => ServiceResponse.Json(e.Status, new JsonObject
        {
            ["error"] = e.Status,
            ["message"] = e.Message,
            ["type"] = e.Type,
        });
    }
}
