using System;
using System.Linq;
using CrmTools.Sandbox.Nimble;

namespace CrmTools.Sandbox
{
    /// <summary>The emulated Nimble account: its address, OAuth client, tokens and test knobs.</summary>
    public sealed class NimbleSandbox
    {
        private readonly NimbleService _service;

        internal NimbleSandbox(NimbleService service) => _service = service;

        private NimbleState State => _service.State;

        /// <summary>The service address (BaseUri + "nimble/"): authorize at oauth/authorize, tokens at api/oauth/token, the API at api/v1|v2/.</summary>
        public Uri BaseUri
        {
            get { lock (State.Sync) return State.AccountUri; }
        }

        /// <summary>The registered application's client id.</summary>
        public string ClientId => State.ClientId;

        public string ClientSecret => State.ClientSecret;

        /// <summary>The registered redirect URL (loopback: any port and path is accepted).</summary>
        public Uri RedirectUri => State.RegisteredRedirect;

        /// <summary>How long new access tokens live (Nimble: 599 seconds). Tokens really expire.</summary>
        public TimeSpan AccessTokenLifetime
        {
            get { lock (State.Sync) return State.AccessTokenLifetime; }
            set { lock (State.Sync) State.AccessTokenLifetime = value < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : value; }
        }

        /// <summary>Issues a fresh access and refresh token pair (as a completed sign-in would), for connecting with -AccessToken.</summary>
        public NimbleSandboxTokens IssueTokens(Uri? redirectUri = null)
        {
            lock (State.Sync)
            {
                var (access, refresh) = NimbleOAuthApi.IssueTokens(State, new NimbleGrant
                {
                    ClientId = State.ClientId, RedirectUri = (redirectUri ?? State.RegisteredRedirect).AbsoluteUri, Scope = "basic,contacts,deals",
                });
                return new NimbleSandboxTokens(access, refresh);
            }
        }

        /// <summary>Makes every access token issued so far expire now (the next request with one gets 401).</summary>
        public void ExpireAccessTokens()
        {
            lock (State.Sync)
            {
                foreach (var key in State.AccessTokens.Keys.ToList()) State.AccessTokens[key] = DateTimeOffset.UtcNow.AddSeconds(-1);
            }
        }

        /// <summary>Invalidates every refresh token issued so far (a revoked consent).</summary>
        public void RevokeRefreshTokens()
        {
            lock (State.Sync) State.RefreshTokens.Clear();
        }

        /// <summary>The next authorization is denied by the "user" (error=access_denied redirect).</summary>
        public bool DenyNextAuthorization
        {
            get { lock (State.Sync) return State.DenyNextAuthorization; }
            set { lock (State.Sync) State.DenyNextAuthorization = value; }
        }

        /// <summary>Authorization codes exchanged for tokens so far.</summary>
        public int CodeExchanges
        {
            get { lock (State.Sync) return State.CodeExchanges; }
        }

        /// <summary>Refresh-token renewals served so far.</summary>
        public int Refreshes
        {
            get { lock (State.Sync) return State.Refreshes; }
        }

        /// <summary>Contacts the subscription allows; creating one more answers 402, code 108. Null: no limit.</summary>
        public int? ContactLimit
        {
            get { lock (State.Sync) return State.ContactLimit; }
            set { lock (State.Sync) State.ContactLimit = value; }
        }

        public int ContactCount
        {
            get { lock (State.Sync) return State.Contacts.Count; }
        }

        public int DealCount
        {
            get { lock (State.Sync) return State.Deals.Count; }
        }

        /// <summary>Replaces all data with freshly generated data (<paramref name="contactCount"/> contacts, the two pipelines, 40 deals).</summary>
        public void Reseed(int contactCount = NimbleSeeder.DefaultContactCount)
        {
            lock (State.Sync) NimbleSeeder.Seed(State, Math.Max(0, contactCount));
        }
    }

    /// <summary>An access token and its refresh token.</summary>
    public sealed class NimbleSandboxTokens
    {
        internal NimbleSandboxTokens(string accessToken, string refreshToken)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
        }

        public string AccessToken { get; }

        public string RefreshToken { get; }

        public override string ToString() => "Nimble sandbox tokens";
    }
}
