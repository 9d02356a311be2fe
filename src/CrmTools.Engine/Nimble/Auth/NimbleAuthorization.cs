using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>
    /// One run of the authorization-code flow: the authorize URL (client id, redirect URI, response_type=code,
    /// scope, and a random <c>state</c>), and reading the redirect it ends with, either caught by a loopback
    /// listener or pasted by the user. The state is remembered for a while so a redirect URL pasted into a
    /// later Connect-Nimble -AuthorizationCode is still checked against it.
    /// </summary>
    public sealed class NimbleAuthorization : IDisposable
    {
        public static readonly IReadOnlyList<string> Scopes = new[] { "basic", "contacts", "deals" };

        private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(15);
        private static readonly ConcurrentDictionary<string, Pending> PendingStates = new ConcurrentDictionary<string, Pending>(StringComparer.Ordinal);

        private LoopbackRedirectListener? _listener;

        private NimbleAuthorization(Uri authorizeUri, string state, string clientId, Uri redirectUri)
        {
            AuthorizeUri = authorizeUri;
            State = state;
            ClientId = clientId;
            RedirectUri = redirectUri;
        }

        /// <summary>Where to send the user: the service's consent page.</summary>
        public Uri AuthorizeUri { get; }

        public string State { get; }

        public string ClientId { get; }

        public Uri RedirectUri { get; }

        /// <summary>Whether the redirect can be caught here: an http:// address on this machine's loopback.</summary>
        public bool CanListen => LoopbackRedirectListener.IsLoopback(RedirectUri);

        /// <summary>Builds the authorize URL for <paramref name="options"/> and remembers its state.</summary>
        public static NimbleAuthorization Begin(NimbleConnectOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.ValidateForAuthorization();
            var accountUri = options.ResolveAccountUri();
            var state = NewState();
            var scopes = options.Scopes ?? Scopes;
            var query = new StringBuilder()
                .Append("client_id=").Append(Uri.EscapeDataString(options.ClientId!))
                .Append("&redirect_uri=").Append(Uri.EscapeDataString(options.RedirectUri!.AbsoluteUri))
                .Append("&response_type=code")
                .Append("&scope=").Append(Uri.EscapeDataString(string.Join(",", scopes)))
                .Append("&state=").Append(Uri.EscapeDataString(state));
            var uri = new Uri(new Uri(accountUri, "oauth/authorize").AbsoluteUri + "?" + query);
            Sweep();
            PendingStates[state] = new Pending(options.ClientId!, DateTimeOffset.UtcNow + PendingLifetime);
            return new NimbleAuthorization(uri, state, options.ClientId!, options.RedirectUri);
        }

        /// <summary>Starts listening on the loopback redirect address (before the browser is sent to the authorize URL).</summary>
        public void StartListening()
        {
            if (_listener != null) return;
            _listener = LoopbackRedirectListener.Start(RedirectUri);
        }

        /// <summary>Waits for the browser to arrive at the redirect address and returns the checked code.</summary>
        public async Task<Secret> WaitForCodeAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (_listener == null) StartListening();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            string redirect;
            try
            {
                redirect = await _listener!.WaitForRedirectAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CrmException("Nimble", CrmErrorKind.Timeout,
                    $"No sign-in arrived at {RedirectUri} within {timeout.TotalSeconds:0} seconds. Open the authorize URL in a browser, or run " +
                    "Connect-Nimble again with -AuthorizationCode and the address the browser was sent to.") { ErrorId = "AuthorizationTimedOut" };
            }
            return ReadRedirect(redirect, ClientId, requireState: true);
        }

        /// <summary>
        /// Reads a pasted redirect URL (or a bare code). A URL's <c>state</c> must be one this process issued
        /// for <paramref name="clientId"/>; an <c>error</c> redirect becomes a clear failure.
        /// </summary>
        public static Secret ReadRedirect(string urlOrCode, string clientId, bool requireState = false)
        {
            if (string.IsNullOrWhiteSpace(urlOrCode))
            {
                throw new CrmValidationException("Nimble", "AuthorizationCode", "The authorization code is empty.");
            }
            var text = urlOrCode.Trim();
            var query = QueryOf(text);
            if (query == null)
            {
                if (requireState) throw new CrmValidationException("Nimble", "AuthorizationCode", "The redirect carried no code.");
                return new Secret(text);
            }
            if (query.TryGetValue("error", out var error))
            {
                query.TryGetValue("error_description", out var description);
                if (description == null) query.TryGetValue("error_descripton", out description); // the vendor's own example spells it so
                throw AuthorizationError(error, description);
            }
            if (!query.TryGetValue("code", out var code) || string.IsNullOrEmpty(code))
            {
                throw new CrmValidationException("Nimble", "AuthorizationCode", "The redirect address carried neither a code nor an error.");
            }
            var secret = new Secret(code);
            query.TryGetValue("state", out var state);
            if (state == null)
            {
                if (requireState) throw StateMismatch();
                return secret;
            }
            if (!PendingStates.TryRemove(state, out var pending) || pending.ExpiresAt < DateTimeOffset.UtcNow ||
                !string.Equals(pending.ClientId, clientId, StringComparison.Ordinal))
            {
                throw StateMismatch();
            }
            return secret;
        }

        public void Dispose()
        {
            _listener?.Dispose();
            _listener = null;
        }

        private static CrmException AuthorizationError(string error, string? description)
        {
            var detail = string.IsNullOrWhiteSpace(description) ? string.Empty : ": " + description;
            switch (error)
            {
                case "access_denied":
                    return new CrmException("Nimble", CrmErrorKind.Forbidden,
                        $"Nimble did not grant access (access_denied{detail}). Sign in with a valid account and allow the application access.") { ErrorId = "AccessDenied", Resource = "Authorization" };
                case "invalid_request":
                    return new CrmException("Nimble", CrmErrorKind.InvalidRequest,
                        $"Nimble rejected the authorization request (invalid_request{detail}). Check -ClientId and that -RedirectUri is the redirect URL registered for the application.") { ErrorId = "AuthorizationInvalidRequest", Resource = "Authorization" };
                default:
                    return new CrmException("Nimble", CrmErrorKind.Unauthorized,
                        $"Nimble refused the authorization ({error}{detail}).") { ErrorId = "AuthorizationFailed", Resource = "Authorization" };
            }
        }

        private static CrmException StateMismatch() =>
            new CrmException("Nimble", CrmErrorKind.Forbidden,
                "The redirect's state does not match an authorization this session started (or it is older than 15 minutes, or was already used). " +
                "It may not come from your sign-in: start again with Connect-Nimble.") { ErrorId = "AuthorizationStateMismatch", Resource = "Authorization" };

        // The query of a URL-looking text ("http://...?code=..", "?code=..", "code=..&state=.."), or null for a bare code.
        private static Dictionary<string, string>? QueryOf(string text)
        {
            string? query = null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                query = uri.Query;
            }
            else if (text.StartsWith("?", StringComparison.Ordinal) || text.Contains("code=") || text.Contains("error="))
            {
                query = text.Substring(text.IndexOf('?') + 1);
            }
            if (query == null) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in query.TrimStart('?').Split('&'))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                var name = Decode(eq < 0 ? part : part.Substring(0, eq));
                if (!values.ContainsKey(name)) values[name] = eq < 0 ? string.Empty : Decode(part.Substring(eq + 1));
            }
            return values;
        }

        private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

        private static string NewState()
        {
            var bytes = new byte[24];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        private static void Sweep()
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var pair in PendingStates.Where(p => p.Value.ExpiresAt < now).ToList()) PendingStates.TryRemove(pair.Key, out _);
        }

        private sealed class Pending
        {
            public Pending(string clientId, DateTimeOffset expiresAt)
            {
                ClientId = clientId;
                ExpiresAt = expiresAt;
            }

            public string ClientId { get; }
            public DateTimeOffset ExpiresAt { get; }
        }
    }
}
