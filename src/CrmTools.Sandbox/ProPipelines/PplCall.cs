using System;
using System.Collections.Generic;
using System.Globalization;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>One authenticated request being served: who asks, the parameters, and the state.</summary>
    internal sealed class PplCall
    {
        private PplParams? _params;

        public PplCall(ServiceRequest request, PplState state, Dictionary<string, string> route, PplUser? user, string? userToken)
        {
            Request = request;
            State = state;
            Route = route;
            User = user;
            UserToken = userToken;
        }

        public ServiceRequest Request { get; }
        public PplState State { get; }
        public Dictionary<string, string> Route { get; }

        /// <summary>The user behind a USER token; null when the API key was used.</summary>
        public PplUser? User { get; }
        public string? UserToken { get; }

        public bool IsApiKey => User == null;

        /// <summary>The API key acts as the account's first admin.</summary>
        public bool IsAdmin => User == null || User.IsAdmin;

        /// <summary>Who an action is recorded against: the user, or the first admin for the API key.</summary>
        public PplUser Actor => User ?? State.Users.Find(u => u.IsAdmin) ?? State.Users[0];

        public PplParams Params => _params ??= PplParams.From(Request);

        /// <summary>Webhook events raised while serving; delivered after the state lock is released.</summary>
        public List<PplWebhookEvent> RaisedEvents { get; } = new List<PplWebhookEvent>();

        public string RouteText(string name) => Route[name];

        /// <summary>A numeric path id; anything else cannot name an entry, so 404.</summary>
        public int RouteId(string name) =>
            int.TryParse(Route[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out int id) ? id : throw PplError.NotFound();

        public void RequireApiKey()
        {
            if (!IsApiKey) throw PplError.ApiKeyOnly();
        }

        public void RequireAdmin()
        {
            if (!IsAdmin) throw PplError.NotAdmin();
        }

        /// <summary>Whether the caller may see (and change) this lead: admins see all, other users
        /// their own leads and the unassigned ones.</summary>
        public bool CanSee(PplLead lead) => IsAdmin || lead.UserId == null || lead.UserId == User!.Id;

        public PplLead LeadOr404(int id)
        {
            var lead = State.LeadById(id);
            if (lead == null || !CanSee(lead)) throw PplError.NotFound();
            return lead;
        }
    }
}
