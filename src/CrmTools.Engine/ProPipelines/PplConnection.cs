using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>A connection to one ProPipelines account (API v2).</summary>
    public sealed class PplConnection : CrmConnection
    {
        public const string ServicePrefix = "Ppl";

        private readonly PplAuthenticator _auth;
        private string _authMethod;
        private string _account;

        private PplConnection(Uri accountUri, CrmHttpClient http, PplAuthenticator auth, string authMethod, string account)
            : base(ServicePrefix, "ProPipelines", accountUri, http)
        {
            _auth = auth;
            _authMethod = authMethod;
            _account = account;
            Leads = new PplLeadsApi(this);
            Comments = new PplCommentsApi(this);
            Attachments = new PplAttachmentsApi(this);
            History = new PplLeadHistoryApi(this);
            Steps = new PplStepsApi(this);
            AccountSettings = new PplAccountApi(this);
            ClientFolders = new PplClientFoldersApi(this);
            Prospecting = new PplProspectingApi(this);
            Users = new PplUsersApi(this);
            Teams = new PplTeamsApi(this);
            Webhooks = new PplWebhooksApi(this);
        }

        /// <summary>ApiKey, UserToken, Login, or LogAs (API key acting as a user).</summary>
        public override string AuthMethod => _authMethod;

        public override string Account => _account;

        public string? Slug { get; private set; }

        public long? UserId { get; private set; }

        public string? UserEmail { get; private set; }

        public bool? IsAdmin { get; private set; }

        public string? TimeZone { get; private set; }

        public string? Locale { get; private set; }

        public string? Currency { get; private set; }

        /// <summary>Whether requests carry a user token (and so can be logged out).</summary>
        public bool HasUserToken => _auth.UserToken != null;

        public PplLeadsApi Leads { get; }

        /// <summary>Lead comments.</summary>
        public PplCommentsApi Comments { get; }

        /// <summary>Lead attachments.</summary>
        public PplAttachmentsApi Attachments { get; }

        /// <summary>Lead action histories.</summary>
        public PplLeadHistoryApi History { get; }

        public PplStepsApi Steps { get; }

        /// <summary>Pipelines, categories, predefined tags, fields, activities.</summary>
        public PplAccountApi AccountSettings { get; }

        public PplClientFoldersApi ClientFolders { get; }

        /// <summary>Prospecting lists and prospects.</summary>
        public PplProspectingApi Prospecting { get; }

        public PplUsersApi Users { get; }

        public PplTeamsApi Teams { get; }

        public PplWebhooksApi Webhooks { get; }

        /// <summary>Requests this connection has sent today, against the daily quota.</summary>
        public PplQuota Quota => _auth.Quota;

        /// <summary>The API key, when the connection has one (for webhook signatures; never shown).</summary>
        internal Secret? ApiKeySecret => _auth.ApiKey;

        /// <summary>Creates a connection, logs in if asked, and checks the credentials with /ping.</summary>
        public static async Task<PplConnection> ConnectAsync(PplConnectOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            var accountUri = options.ResolveAccountUri();
            var apiKey = Secret.FromSecureStringOrNull(options.ApiKey);
            var userToken = Secret.FromSecureStringOrNull(options.UserToken);
            var password = Secret.FromSecureStringOrNull(options.Password);

            var auth = new PplAuthenticator(apiKey, userToken, new PplQuota());
            var http = new CrmHttpClient(ServicePrefix, new Uri(accountUri, "api/v2/"), options.Http, auth);
            var method = apiKey != null ? "ApiKey" : userToken != null ? "UserToken" : "Login";
            var connection = new PplConnection(accountUri, http, auth, method, apiKey != null ? "API key" : options.UserName ?? "user token")
            {
                Slug = options.Slug ?? SlugFromHost(accountUri),
            };
            try
            {
                if (options.UserName != null)
                {
                    var login = await connection.LoginAsync(options.UserName, password!, cancellationToken).ConfigureAwait(false);
                    auth.UserToken = new Secret(login.Token!);
                    auth.Renew = async ct => new Secret((await connection.LoginAsync(options.UserName, password!, ct).ConfigureAwait(false)).Token!);
                }
                else if (options.AsUser != null)
                {
                    var token = await connection.LogAsAsync(options.AsUser, cancellationToken).ConfigureAwait(false);
                    auth.UserToken = new Secret(token.Token!);
                    var asUser = options.AsUser;
                    auth.Renew = async ct => new Secret((await connection.LogAsAsync(asUser, ct).ConfigureAwait(false)).Token!);
                    connection._authMethod = "LogAs";
                }
                await connection.PingAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Checks the credentials: GET /ping.</summary>
        public async Task PingAsync(CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, "ping") { Resource = "Account" };
            await Http.SendJsonAsync(request, PplJsonContext.Default.PplPing, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Invalidates the user token (GET /auth/logout). Does nothing for an API key.</summary>
        public async Task<bool> LogoutAsync(CancellationToken cancellationToken)
        {
            if (_auth.UserToken == null) return false;
            var request = new CrmRequest(HttpMethod.Get, "auth/logout") { Resource = "Session", AcceptStatuses = new System.Collections.Generic.HashSet<int> { 304 } };
            using (await Http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
            }
            _auth.UserToken = null;
            _auth.Renew = null;
            return true;
        }

        // https://acme.propipelines.com -> acme; a custom host or the sandbox has no slug until login tells it.
        private static string? SlugFromHost(Uri accountUri) =>
            accountUri.Host.EndsWith(".propipelines.com", StringComparison.OrdinalIgnoreCase) ? accountUri.Host.Split('.')[0] : null;

        private async Task<PplAuthToken> LoginAsync(string userName, Secret password, CancellationToken cancellationToken)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password.Reveal()));
            var request = new CrmRequest(HttpMethod.Get, "auth/login") { Anonymous = true, Resource = "Login" };
            request.Headers["Authorization"] = "Basic " + basic;
            Redactor.RegisterSecret(basic);
            var token = await Http.SendJsonAsync(request, PplJsonContext.Default.PplAuthToken, cancellationToken).ConfigureAwait(false);
            Apply(token);
            _account = token.UserEmail ?? userName;
            return token;
        }

        private async Task<PplAuthToken> LogAsAsync(string user, CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Get, "auth/log_as") { Resource = "User" }.AddQuery("user_id", user);
            // log_as is an API-key action: send the key even if a user token is already set.
            var saved = _auth.UserToken;
            _auth.UserToken = null;
            try
            {
                var token = await Http.SendJsonAsync(request, PplJsonContext.Default.PplAuthToken, cancellationToken).ConfigureAwait(false);
                Apply(token);
                _account = token.UserEmail ?? user;
                return token;
            }
            finally
            {
                if (_auth.UserToken == null) _auth.UserToken = saved;
            }
        }

        private void Apply(PplAuthToken token)
        {
            if (string.IsNullOrEmpty(token.Token))
            {
                throw new CrmApiException(ServicePrefix, CrmErrorKind.Protocol, "GET", BaseUri.ToString(), 200, "The login answer carried no token.", null);
            }
            Redactor.RegisterSecret(token.Token!);
            UserId = token.UserId;
            UserEmail = token.UserEmail;
            IsAdmin = token.IsAdmin;
            TimeZone = token.TimeZone;
            Locale = token.Locale;
            Currency = token.Currency?.Code;
            if (!string.IsNullOrEmpty(token.Slug)) Slug = token.Slug;
        }
    }
}
