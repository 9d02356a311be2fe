using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The filters of GET /users.</summary>
    public sealed class PplUserQuery
    {
        public static readonly IReadOnlyList<string> Statuses = new[] { "all", "activated", "deactivated" };
        public static readonly IReadOnlyList<string> Roles = new[] { "all", "admin", "non-admin" };

        public string? Email { get; set; }
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? Status { get; set; }
        public string? Role { get; set; }
        /// <summary>Team ids or names; users in any of them.</summary>
        public string[]? Teams { get; set; }
        public string? Direction { get; set; }

        internal void AddTo(CrmRequest request)
        {
            var teams = PplRules.SplitList(Teams);
            request.AddQuery("email", Email)
                .AddQuery("lastname", LastName)
                .AddQuery("firstname", FirstName)
                .AddQuery("status", PplRules.CheckSet("Status", Status, Statuses))
                .AddQuery("role", PplRules.CheckSet("Role", Role, Roles))
                .AddQuery("teams", teams == null || teams.Length == 0 ? null : string.Join(",", teams))
                .AddQuery("direction", PplRules.CheckSet("Direction", Direction, PplRules.Directions));
        }
    }

    /// <summary>/users: list, get, create, send the activation e-mail, disable.</summary>
    public sealed class PplUsersApi : PplApiBase
    {
        internal PplUsersApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplUser>> ListAsync(PplUserQuery query, CancellationToken cancellationToken) =>
            GetListAsync("users", "User", PplJsonContext.Default.ListPplUser, cancellationToken, query.AddTo);

        /// <summary>One user by id or e-mail.</summary>
        public Task<PplUser> GetAsync(string idOrEmail, CancellationToken cancellationToken) =>
            GetAsync(PathOf("users", PplAccountApi.Required("Id", idOrEmail)), "User", PplJsonContext.Default.PplUser, cancellationToken);

        /// <summary>POST /users. The activation e-mail goes out only when <paramref name="sendActivationEmail"/> is true.</summary>
        public Task<PplUser> CreateAsync(string email, string? firstName, string? lastName, bool isAdmin, bool sendActivationEmail,
            CancellationToken cancellationToken)
        {
            var address = PplAccountApi.Required("Email", email);
            if (address.IndexOf('@') <= 0) throw new CrmValidationException("Ppl", "Email", $"'{address}' is not an e-mail address.");
            var body = new PplJsonBody()
                .Add("email", address)
                .Add("firstname", firstName)
                .Add("lastname", lastName)
                .Add("is_admin", isAdmin)
                .Add("dont_send_email", !sendActivationEmail);
            return SendAsync(Post, "users", "User", body, PplJsonContext.Default.PplUser, cancellationToken);
        }

        /// <summary>Sends the activation e-mail; false when the user had already activated (304: nothing sent).</summary>
        public async Task<bool> SendActivationEmailAsync(string idOrEmail, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, PathOf("users", PplAccountApi.Required("Id", idOrEmail), "send_activation_email"))
            {
                Resource = "User",
                AcceptStatuses = new HashSet<int> { 304 },
                // A GET that sends an e-mail: never repeat it after a failure that may have reached the service.
                Idempotent = false,
            };
            using var response = await Connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode != 304;
        }

        /// <summary>PUT /users/{id}/disable: the user can no longer sign in; nothing is lost.</summary>
        public Task<PplUser> DisableAsync(string idOrEmail, CancellationToken cancellationToken) =>
            SendAsync(Put, PathOf("users", PplAccountApi.Required("Id", idOrEmail), "disable"), "User", null, PplJsonContext.Default.PplUser, cancellationToken);
    }
}
