using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Auth;
using CrmTools.Engine.Nimble.Contacts;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Engine.Nimble.Tasks;

namespace CrmTools.Engine.Nimble
{
    /// <summary>
    /// A connection to one Nimble user (OAuth 2.0 bearer token). The access token is renewed with the refresh
    /// token before it expires and once after a 401, one renewal at a time across every runspace sharing the
    /// connection; with a token cache the new refresh token is saved after each renewal.
    /// </summary>
    public sealed class NimbleConnection : CrmConnection
    {
        public const string ServicePrefix = "Nimble";

        private readonly NimbleAuthenticator _auth;
        private string _account = "Nimble user";

        private NimbleConnection(Uri accountUri, CrmHttpClient http, NimbleAuthenticator auth, string? tokenCachePath)
            : base(ServicePrefix, "Nimble", accountUri, http)
        {
            _auth = auth;
            TokenCachePath = tokenCachePath;
            Contacts = new NimbleContactsApi(this);
            Notes = new NimbleNotesApi(this);
            Deals = new NimbleDealsApi(this);
            DealNotes = new NimbleDealNotesApi(this);
            DealFiles = new NimbleDealFilesApi(this);
            Pipelines = new NimblePipelinesApi(this);
            ContactFields = new NimbleContactFieldsApi(this);
            PipelineFields = new NimblePipelineFieldsApi(this);
            Tasks = new NimbleTasksApi(this);
        }

        /// <summary>OAuth (renewable with a refresh token) or AccessToken (used until it expires).</summary>
        public override string AuthMethod => _auth.CanRenew ? "OAuth" : "AccessToken";

        /// <summary>The user's e-mail.</summary>
        public override string Account => _account;

        public string? UserId { get; private set; }

        public string? UserName { get; private set; }

        public string? CompanyId { get; private set; }

        /// <summary>The granted scopes, when the token endpoint said.</summary>
        public string? Scope { get; private set; }

        /// <summary>When the current access token expires (null when unknown).</summary>
        public DateTimeOffset? AccessTokenExpiresAt => _auth.Token.ExpiresAt?.ToLocalTime();

        /// <summary>Whether the connection can renew its access token (refresh token, client id, secret and redirect URI known).</summary>
        public bool CanRenew => _auth.CanRenew;

        /// <summary>Access-token renewals done by this connection so far.</summary>
        public int TokenRenewals => _auth.Renewals;

        /// <summary>Where the refresh token is kept between sessions, if anywhere.</summary>
        public string? TokenCachePath { get; }

        public NimbleContactsApi Contacts { get; }

        public NimbleNotesApi Notes { get; }

        public NimbleDealsApi Deals { get; }

        public NimbleDealNotesApi DealNotes { get; }

        /// <summary>Deal files: list (from the deal), download link, rename, delete.</summary>
        public NimbleDealFilesApi DealFiles { get; }

        public NimblePipelinesApi Pipelines { get; }

        public NimbleTasksApi Tasks { get; }

        /// <summary>Contact fields, groups, tabs and choices.</summary>
        public NimbleContactFieldsApi ContactFields { get; }

        /// <summary>Deal pipelines' custom fields, choices and groups.</summary>
        public NimblePipelineFieldsApi PipelineFields { get; }

        /// <summary>
        /// Connects with an access token (<see cref="NimbleConnectOptions.AccessToken"/>), or by exchanging
        /// <paramref name="authorizationCode"/> for tokens; checks the token with GET /api/v1/myself and, with a
        /// token cache, saves the refresh token.
        /// </summary>
        public static async Task<NimbleConnection> ConnectAsync(NimbleConnectOptions options, Secret? authorizationCode, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (authorizationCode != null) options.ValidateForAuthorization(); else options.Validate();
            if (authorizationCode == null && options.AccessToken == null)
            {
                throw new CrmValidationException("Nimble", "AccessToken", "Give -AccessToken, or -ClientId, -ClientSecret and -RedirectUri for the sign-in.");
            }
            var (http, oauth) = Open(options);
            try
            {
                NimbleAuthenticator auth;
                string? scope = null;
                if (authorizationCode != null)
                {
                    var grant = await oauth!.ExchangeCodeAsync(authorizationCode, cancellationToken).ConfigureAwait(false);
                    auth = new NimbleAuthenticator(grant.AccessToken, grant.RefreshToken);
                    scope = grant.Scope;
                }
                else
                {
                    var token = new NimbleAccessToken(Secret.FromSecureString(options.AccessToken!), DateTimeOffset.UtcNow, null);
                    auth = new NimbleAuthenticator(token, Secret.FromSecureStringOrNull(options.RefreshToken));
                }
                return await FinishAsync(options, http, oauth, auth, scope, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Connects with the refresh token kept in <see cref="NimbleConnectOptions.TokenCachePath"/>, without any
        /// user interaction. Null when there is no usable cached sign-in (none yet, another client id or address, or
        /// the service no longer accepts it: then a warning says so and the caller signs in again).
        /// </summary>
        public static async Task<NimbleConnection?> TryConnectFromCacheAsync(NimbleConnectOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            if (string.IsNullOrEmpty(options.TokenCachePath)) return null;
            var entry = NimbleTokenCache.Read(options.TokenCachePath!);
            var accountUri = options.ResolveAccountUri();
            if (entry == null || string.IsNullOrEmpty(entry.RefreshToken)) return null;
            if (!string.Equals(entry.BaseUri, accountUri.AbsoluteUri, StringComparison.OrdinalIgnoreCase) ||
                (options.ClientId != null && !string.Equals(entry.ClientId, options.ClientId, StringComparison.Ordinal)))
            {
                CrmLog.Verbose("The token cache holds a sign-in for another address or client id; it is not used.");
                return null;
            }
            if (!options.CanRefresh)
            {
                throw new CrmValidationException("Nimble", "ClientSecret", "Using the cached sign-in needs -ClientId, -ClientSecret and -RedirectUri (to renew the token).");
            }
            var (http, oauth) = Open(options);
            try
            {
                var refresh = new Secret(entry.RefreshToken!);
                NimbleAuthenticator auth;
                var expires = entry.AccessTokenExpiresUnix.HasValue ? DateTimeOffset.FromUnixTimeSeconds(entry.AccessTokenExpiresUnix.Value) : (DateTimeOffset?)null;
                var now = DateTimeOffset.UtcNow;
                if (!string.IsNullOrEmpty(entry.AccessToken) && expires.HasValue && expires.Value - now > TimeSpan.FromSeconds(30))
                {
                    auth = new NimbleAuthenticator(new NimbleAccessToken(new Secret(entry.AccessToken!), now, expires.Value - now), refresh) { OAuth = oauth };
                }
                else
                {
                    NimbleTokenGrant grant;
                    try
                    {
                        grant = await oauth!.RefreshAsync(refresh, cancellationToken).ConfigureAwait(false);
                    }
                    catch (CrmApiException e) when (e.Kind == CrmErrorKind.Unauthorized || e.Kind == CrmErrorKind.InvalidRequest)
                    {
                        CrmLog.Warning("The cached Nimble sign-in is no longer accepted (" + e.ServiceMessage + "); signing in again.");
                        http.Dispose();
                        return null;
                    }
                    auth = new NimbleAuthenticator(grant.AccessToken, grant.RefreshToken ?? refresh);
                }
                CrmLog.Verbose("Using the sign-in kept in the token cache.");
                return await FinishAsync(options, http, oauth, auth, null, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>Who the token acts for: GET /api/v1/myself.</summary>
        public Task<NimbleMyself> GetMyselfAsync(CancellationToken cancellationToken) =>
            SendJsonAsync(new CrmRequest(HttpMethod.Get, "api/v1/myself") { Resource = "User" }, NimbleJsonContext.Default.NimbleMyself, cancellationToken);

        /// <summary>Deletes the token cache file (Disconnect-Nimble -ClearTokenCache).</summary>
        public void ClearTokenCache()
        {
            if (TokenCachePath != null) NimbleTokenCache.Delete(TokenCachePath);
        }

        /// <summary>Sends through the shared pipeline and reads the JSON answer; Nimble's error bodies become readable errors.</summary>
        internal async Task<T> SendJsonAsync<T>(CrmRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendJsonAsync(request, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (CrmApiException e)
            {
                throw NimbleErrors.Enrich(e);
            }
        }

        /// <summary>Sends and ignores the answer's body.</summary>
        internal async Task SendAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            try
            {
                using (await Http.SendAsync(request, cancellationToken).ConfigureAwait(false))
                {
                }
            }
            catch (CrmApiException e)
            {
                throw NimbleErrors.Enrich(e);
            }
        }

        private static (CrmHttpClient Http, NimbleOAuthClient? OAuth) Open(NimbleConnectOptions options)
        {
            var accountUri = options.ResolveAccountUri();
            var http = new CrmHttpClient(ServicePrefix, accountUri, options.Http);
            var oauth = options.CanRefresh
                ? new NimbleOAuthClient(http, options.ClientId!, Secret.FromSecureString(options.ClientSecret!), options.RedirectUri!)
                : null;
            return (http, oauth);
        }

        private static async Task<NimbleConnection> FinishAsync(NimbleConnectOptions options, CrmHttpClient http, NimbleOAuthClient? oauth,
            NimbleAuthenticator auth, string? scope, CancellationToken cancellationToken)
        {
            auth.OAuth = oauth;
            http.Authenticator = auth;
            var connection = new NimbleConnection(options.ResolveAccountUri(), http, auth, options.TokenCachePath) { Scope = scope };
            var me = await connection.GetMyselfAsync(cancellationToken).ConfigureAwait(false);
            connection.UserId = me.UserId;
            connection.UserName = me.Name;
            connection.CompanyId = me.CompanyId;
            connection._account = me.Email ?? me.Name ?? me.UserId ?? connection._account;
            if (options.TokenCachePath != null)
            {
                if (auth.RefreshToken == null)
                {
                    CrmLog.Warning("There is no refresh token to keep in the token cache; the cache is not written.");
                }
                else
                {
                    var clientId = options.ClientId;
                    var redirect = options.RedirectUri?.AbsoluteUri;
                    var baseUri = connection.BaseUri.AbsoluteUri;
                    var account = connection._account;
                    void Save(NimbleAccessToken token, Secret? refresh) => NimbleTokenCache.Write(options.TokenCachePath!, new NimbleTokenCacheEntry
                    {
                        BaseUri = baseUri,
                        ClientId = clientId,
                        RedirectUri = redirect,
                        RefreshToken = refresh?.Reveal(),
                        AccessToken = token.Token.Reveal(),
                        AccessTokenExpiresUnix = token.ExpiresAt?.ToUnixTimeSeconds(),
                        Account = account,
                    });
                    Save(auth.Token, auth.RefreshToken);
                    auth.Renewed = (token, refresh) =>
                    {
                        try
                        {
                            Save(token, refresh);
                        }
                        catch (CrmException ex)
                        {
                            CrmLog.Warning(ex.Message);
                        }
                    };
                }
            }
            return connection;
        }
    }
}
