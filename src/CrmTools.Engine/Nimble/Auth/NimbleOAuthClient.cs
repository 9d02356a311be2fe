using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>New tokens from the token endpoint.</summary>
    internal sealed class NimbleTokenGrant
    {
        public NimbleTokenGrant(NimbleAccessToken accessToken, Secret? refreshToken, string? scope)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            Scope = scope;
        }

        public NimbleAccessToken AccessToken { get; }
        public Secret? RefreshToken { get; }
        public string? Scope { get; }
    }

    /// <summary>
    /// The OAuth 2.0 token endpoint (POST api/oauth/token, form-encoded, as the vendor documents it): the
    /// authorization-code exchange and the refresh. Both carry client_id, client_secret and redirect_uri (the
    /// service wants the redirect URI on refresh too). Sent through the connection's own HTTP pipeline, so
    /// proxy, retries and redacted logging apply; a POST that may have consumed a code or refresh token is not
    /// retried blindly.
    /// </summary>
    internal sealed class NimbleOAuthClient
    {
        public const string TokenPath = "api/oauth/token";

        private readonly CrmHttpClient _http;
        private readonly Func<DateTimeOffset> _clock;

        public NimbleOAuthClient(CrmHttpClient http, string clientId, Secret clientSecret, Uri redirectUri, Func<DateTimeOffset>? clock = null)
        {
            _http = http;
            ClientId = clientId;
            ClientSecret = clientSecret;
            RedirectUri = redirectUri;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public string ClientId { get; }

        public Secret ClientSecret { get; }

        public Uri RedirectUri { get; }

        public Task<NimbleTokenGrant> ExchangeCodeAsync(Secret code, CancellationToken cancellationToken) =>
            RequestAsync(new[]
            {
                Field("grant_type", "authorization_code"),
                Field("code", code.Reveal()),
                Field("redirect_uri", RedirectUri.AbsoluteUri),
                Field("client_id", ClientId),
                Field("client_secret", ClientSecret.Reveal()),
            }, "AuthorizationFailed", "Exchanging the authorization code for tokens", cancellationToken);

        public Task<NimbleTokenGrant> RefreshAsync(Secret refreshToken, CancellationToken cancellationToken) =>
            RequestAsync(new[]
            {
                Field("grant_type", "refresh_token"),
                Field("refresh_token", refreshToken.Reveal()),
                Field("redirect_uri", RedirectUri.AbsoluteUri),
                Field("client_id", ClientId),
                Field("client_secret", ClientSecret.Reveal()),
            }, "TokenRenewalFailed", "Renewing the access token with the refresh token", cancellationToken);

        private async Task<NimbleTokenGrant> RequestAsync(IEnumerable<KeyValuePair<string, string>> form, string errorId, string what,
            CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Post, TokenPath) { Anonymous = true, Resource = "Token" }.WithForm(form);
            // The vendor document requires the charset on the content type.
            request.WithBody(request.Body!, "application/x-www-form-urlencoded; charset=UTF-8");
            var sentAt = _clock();
            NimbleTokenResponse answer;
            try
            {
                answer = await _http.SendJsonAsync(request, NimbleJsonContext.Default.NimbleTokenResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (CrmApiException e) when (e.StatusCode.HasValue)
            {
                throw NimbleErrors.TokenFailure(e, errorId, what);
            }
            if (string.IsNullOrEmpty(answer.AccessToken))
            {
                throw new CrmApiException("Nimble", CrmErrorKind.Protocol, "POST", Redactor.RedactUrl(request.BuildUri(_http.ApiBase)), 200,
                    what + " failed: the answer carried no access_token.", null) { Resource = "Token", ErrorId = errorId };
            }
            var lifetime = answer.ExpiresIn is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var access = new NimbleAccessToken(new Secret(answer.AccessToken!), sentAt, lifetime);
            var refresh = string.IsNullOrEmpty(answer.RefreshToken) ? null : new Secret(answer.RefreshToken!);
            return new NimbleTokenGrant(access, refresh, answer.Scope);
        }

        private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
