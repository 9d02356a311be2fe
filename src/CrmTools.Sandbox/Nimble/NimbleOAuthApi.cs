using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>
    /// OAuth 2.0 as the vendor documents it: GET oauth/authorize (auto-approves, or answers the documented error
    /// redirects), POST api/oauth/token (form-encoded; authorization_code and refresh_token grants, redirect_uri
    /// required on both). Access tokens really expire (<see cref="NimbleState.AccessTokenLifetime"/>), refresh
    /// tokens are single-use (a renewal returns a new one).
    /// </summary>
    internal static class NimbleOAuthApi
    {
        private static readonly string[] Scopes = { "basic", "contacts", "deals" };

        public static void Register(NimbleService service)
        {
            service.Map("GET", "oauth/authorize", Authorize, anonymous: true);
            service.Map("POST", "api/oauth/token", Token, anonymous: true);
            service.Map("GET", "api/v1/myself", Myself);
        }

        private static ServiceResponse Authorize(NimbleCall call)
        {
            var state = call.State;
            var clientId = call.Query("client_id");
            var redirect = call.Query("redirect_uri");
            // Without a valid client and redirect URI there is nowhere safe to send the user: an error page.
            if (clientId != state.ClientId) return Page(400, "Unknown client_id.");
            if (redirect == null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || !Allowed(state.RegisteredRedirect, redirectUri))
            {
                return Page(400, "redirect_uri does not match the redirect URL registered for this application.");
            }
            var returnState = call.Query("state");
            if (call.Query("response_type") != "code") return Redirect(redirectUri, "invalid_request", "response_type must be code", returnState);
            var scope = call.Query("scope");
            var asked = (scope ?? "").Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (asked.Length == 0) return Redirect(redirectUri, "invalid_request", "scope is required", returnState);
            var unknown = asked.FirstOrDefault(s => !Scopes.Contains(s, StringComparer.OrdinalIgnoreCase));
            if (unknown != null) return Redirect(redirectUri, "invalid_request", "Invalid scope " + unknown, returnState);
            if (state.DenyNextAuthorization)
            {
                state.DenyNextAuthorization = false;
                return Redirect(redirectUri, "access_denied", "User denied access", returnState);
            }
            var code = state.NewToken().Substring(0, 20);
            state.Codes[code] = new NimbleGrant { ClientId = clientId!, RedirectUri = redirect, Scope = string.Join(",", asked), ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) };
            var target = redirect + (redirect.Contains("?") ? "&" : "?") + "code=" + Uri.EscapeDataString(code) +
                         (returnState != null ? "&state=" + Uri.EscapeDataString(returnState) : "");
            return ServiceResponse.Empty(302).WithHeader("Location", target);
        }

        private static ServiceResponse Token(NimbleCall call)
        {
            var state = call.State;
            if (!call.Request.IsForm)
            {
                throw NimbleError.OAuth(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
            }
            var form = QueryString.Parse(call.Request.BodyText).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            string? Get(string name) => form.TryGetValue(name, out var v) ? v : null;
            if (Get("client_id") != state.ClientId || Get("client_secret") != state.ClientSecret)
            {
                throw NimbleError.OAuth(401, "invalid_client", "Client authentication failed.");
            }
            var redirect = Get("redirect_uri");
            if (string.IsNullOrEmpty(redirect)) throw NimbleError.OAuth(400, "invalid_request", "redirect_uri is required.");
            NimbleGrant grant;
            switch (Get("grant_type"))
            {
                case "authorization_code":
                    var code = Get("code") ?? "";
                    if (!state.Codes.TryGetValue(code, out grant!) || grant.ExpiresAt < DateTimeOffset.UtcNow)
                    {
                        throw NimbleError.OAuth(400, "invalid_grant", "The authorization code is invalid or expired.");
                    }
                    state.Codes.Remove(code);
                    if (grant.RedirectUri != redirect) throw NimbleError.OAuth(400, "invalid_grant", "redirect_uri does not match the authorization request.");
                    state.CodeExchanges++;
                    return Issue(state, grant, full: true);
                case "refresh_token":
                    var refresh = Get("refresh_token") ?? "";
                    if (!state.RefreshTokens.TryGetValue(refresh, out grant!) || grant.ClientId != Get("client_id"))
                    {
                        throw NimbleError.OAuth(400, "invalid_grant", "The refresh token is invalid, expired or already used.");
                    }
                    if (grant.RedirectUri != redirect) throw NimbleError.OAuth(400, "invalid_grant", "redirect_uri does not match the one the token was issued for.");
                    state.RefreshTokens.Remove(refresh);
                    state.Refreshes++;
                    return Issue(state, grant, full: false);
                default:
                    throw NimbleError.OAuth(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
            }
        }

        /// <summary>New access and refresh tokens for <paramref name="grant"/> (the answer shapes of the vendor's examples).</summary>
        public static ServiceResponse Issue(NimbleState state, NimbleGrant grant, bool full)
        {
            var (access, refresh) = IssueTokens(state, grant);
            var body = new JsonObject
            {
                ["access_token"] = access,
                ["expires_in"] = (int)Math.Max(1, state.AccessTokenLifetime.TotalSeconds),
                ["refresh_token"] = refresh,
            };
            if (full)
            {
                body["token_type"] = "bearer";
                body["scope"] = grant.Scope;
            }
            return ServiceResponse.Json(200, body);
        }

        public static (string Access, string Refresh) IssueTokens(NimbleState state, NimbleGrant grant)
        {
            var access = state.NewToken();
            var refresh = state.NewToken();
            state.AccessTokens[access] = DateTimeOffset.UtcNow + state.AccessTokenLifetime;
            state.RefreshTokens[refresh] = new NimbleGrant { ClientId = grant.ClientId, RedirectUri = grant.RedirectUri, Scope = grant.Scope };
            return (access, refresh);
        }

        private static ServiceResponse Myself(NimbleCall call) => ServiceResponse.Json(200, new JsonObject
        {
            ["user_id"] = call.State.UserId,
            ["company_id"] = call.State.CompanyId,
            ["email"] = call.State.UserEmail,
            ["name"] = call.State.UserName,
            ["company_size"] = 1,
        });

        // Same scheme and host as registered; loopback addresses may use any port (RFC 8252 7.3); the path may differ.
        private static bool Allowed(Uri registered, Uri redirect) =>
            redirect.Scheme == registered.Scheme && string.Equals(redirect.Host, registered.Host, StringComparison.OrdinalIgnoreCase) &&
            (redirect.IsLoopback || redirect.Port == registered.Port);

        private static ServiceResponse Redirect(Uri redirect, string error, string description, string? state)
        {
            var target = redirect.AbsoluteUri + (redirect.Query.Length > 0 ? "&" : "?") + "error=" + error +
                         "&error_description=" + Uri.EscapeDataString(description) + (state != null ? "&state=" + Uri.EscapeDataString(state) : "");
            return ServiceResponse.Empty(302).WithHeader("Location", target);
        }

        private static ServiceResponse Page(int status, string message) =>
            ServiceResponse.Text(status, "<!DOCTYPE html><html><body><h1>Nimble sign-in error</h1><p>" + NimbleService.Html(message) + "</p></body></html>",
                "text/html; charset=utf-8");
    }
}
