using System;
using System.Text;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>ping, auth/login (HTTP Basic), auth/log_as (API key only), auth/logout.</summary>
    internal static class PplAuthApi
    {
        public static void Register(PplRouter r)
        {
            r.Get("ping", Ping);
            r.Get("auth/login", Login, anonymous: true);
            r.Get("auth/log_as", LogAs);
            r.Get("auth/logout", Logout, anonymous: true);
        }

        private static ServiceResponse Ping(PplCall call) =>
            ServiceResponse.Json(200, new JsonObject { ["status"] = 200, ["message"] = "Your API key is correct." });

        private static ServiceResponse Login(PplCall call)
        {
            var (email, password) = ParseBasic(call.Request.Header("Authorization"));
            var user = email == null ? null
                : call.State.Users.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
            if (user == null || !PasswordMatches(user, password) || user.IsDisabled || !user.HasActivated) throw PplError.BadLogin();
            return ServiceResponse.Json(200, TokenBody(call.State, user, Issue(call.State, user)));
        }

        private static ServiceResponse LogAs(PplCall call)
        {
            call.RequireApiKey();
            var idOrEmail = call.Params.GetNonEmpty("user_id") ?? throw PplError.Missing("user_id");
            var user = call.State.FindUser(idOrEmail);
            if (user == null || user.IsDisabled) throw PplError.NotRecognized("user_id");
            return ServiceResponse.Json(200, TokenBody(call.State, user, Issue(call.State, user)));
        }

        // Logout runs outside the normal authentication so that a stale token answers 304, not 401.
        private static ServiceResponse Logout(PplCall call)
        {
            var token = call.Request.Header("X-USER-TOKEN");
            if (!string.IsNullOrEmpty(token))
                return ServiceResponse.Empty(call.State.Tokens.Remove(token!) ? 200 : 304);
            var key = call.Request.Header("X-API-KEY");
            if (string.IsNullOrEmpty(key)) throw PplError.MissingToken();
            if (key != call.State.ApiKey) throw PplError.InvalidToken();
            return ServiceResponse.Empty(304); // an API key has nothing to log out
        }

        // The document asks clients to percent-encode special characters: accept the password either way.
        private static bool PasswordMatches(PplUser user, string? password) =>
            password != null && (password == user.Password || SafeUnescape(password) == user.Password);

        private static string SafeUnescape(string text)
        {
            try { return Uri.UnescapeDataString(text); }
            catch (UriFormatException) { return text; }
        }

        private static string Issue(PplState s, PplUser user)
        {
            var token = s.NewToken();
            s.Tokens[token] = user.Id;
            return token;
        }

        private static JsonObject TokenBody(PplState s, PplUser user, string token) => new JsonObject
        {
            ["token"] = token,
            ["slug"] = s.Slug,
            ["locale"] = user.Locale,
            ["time_zone"] = s.TimeZone,
            ["user_id"] = user.Id,
            ["user_email"] = user.Email,
            ["is_admin"] = user.IsAdmin,
            ["currency"] = new JsonObject { ["code"] = s.CurrencyCode, ["symbol"] = s.CurrencySymbol },
        };

        private static (string?, string?) ParseBasic(string? header)
        {
            if (header == null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (null, null);
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
                int colon = text.IndexOf(':');
                if (colon < 0) return (null, null);
                // Clients may percent-encode the parts (the document asks for it in URLs).
                return (Uri.UnescapeDataString(text.Substring(0, colon)), text.Substring(colon + 1));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
    }
}
