using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Auth;

namespace CrmTools.Engine.Nimble
{
    /// <summary>What Connect-Nimble was given.</summary>
    public sealed class NimbleConnectOptions
    {
        /// <summary>Nimble's address (the OpenAPI description's server); the vendor's examples also use https://api.nimble.com.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://app.nimble.com/");

        /// <summary>The service address: authorize at BaseUri/oauth/authorize, tokens at BaseUri/api/oauth/token, the API at BaseUri/api/v1|v2/.</summary>
        public Uri? BaseUri { get; set; }

        /// <summary>An access token obtained elsewhere (lives 10 minutes at Nimble).</summary>
        public SecureString? AccessToken { get; set; }

        /// <summary>The refresh token that goes with <see cref="AccessToken"/>; with the client id, secret and redirect URI it renews it.</summary>
        public SecureString? RefreshToken { get; set; }

        /// <summary>The application's client id ("Client Key").</summary>
        public string? ClientId { get; set; }

        public SecureString? ClientSecret { get; set; }

        /// <summary>The redirect URL registered for the application; the token endpoint wants it on every call.</summary>
        public Uri? RedirectUri { get; set; }

        /// <summary>Scopes to ask for: basic, contacts, deals (all three by default).</summary>
        public IReadOnlyList<string>? Scopes { get; set; }

        /// <summary>Where to keep the refresh token between sessions (opt-in; protected, see the token cache).</summary>
        public string? TokenCachePath { get; set; }

        public HttpSettings Http { get; set; } = new HttpSettings();

        /// <summary>The service address, with a trailing slash (an address ending in /api/v1 or /api/v2 is accepted too).</summary>
        public Uri ResolveAccountUri()
        {
            var uri = BaseUri ?? DefaultBaseUri;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new CrmValidationException("Nimble", "BaseUri", $"BaseUri must be an absolute http(s) address; '{uri}' is not.");
            }
            var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            foreach (var suffix in new[] { "/api/v1", "/api/v2", "/api" })
            {
                if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(0, text.Length - suffix.Length);
                    break;
                }
            }
            return new Uri(text + "/");
        }

        /// <summary>Whether a refresh token can be used: client id, secret and redirect URI are all known.</summary>
        public bool CanRefresh => !string.IsNullOrWhiteSpace(ClientId) && ClientSecret != null && ClientSecret.Length > 0 && RedirectUri != null;

        internal void Validate()
        {
            ResolveAccountUri();
            if (RedirectUri != null && (!RedirectUri.IsAbsoluteUri || (RedirectUri.Scheme != Uri.UriSchemeHttp && RedirectUri.Scheme != Uri.UriSchemeHttps)))
            {
                throw new CrmValidationException("Nimble", "RedirectUri", $"RedirectUri must be an absolute http(s) address; '{RedirectUri}' is not.");
            }
            if (Scopes != null)
            {
                foreach (var s in Scopes)
                {
                    if (!NimbleAuthorization.Scopes.Contains(s, StringComparer.Ordinal))
                    {
                        throw new CrmValidationException("Nimble", "Scope", $"'{s}' is not a Nimble scope. Allowed: {string.Join(", ", NimbleAuthorization.Scopes)}.");
                    }
                }
            }
            if (AccessToken == null && RefreshToken != null && !CanRefresh)
            {
                throw new CrmValidationException("Nimble", "RefreshToken", "A refresh token needs -ClientId, -ClientSecret and -RedirectUri to be used.");
            }
        }

        internal void ValidateForAuthorization()
        {
            Validate();
            if (string.IsNullOrWhiteSpace(ClientId)) throw new CrmValidationException("Nimble", "ClientId", "The authorization-code flow needs -ClientId.");
            if (ClientSecret == null || ClientSecret.Length == 0) throw new CrmValidationException("Nimble", "ClientSecret", "The authorization-code flow needs -ClientSecret.");
            if (RedirectUri == null) throw new CrmValidationException("Nimble", "RedirectUri", "The authorization-code flow needs -RedirectUri: the redirect URL registered for the application.");
        }
    }
}
