using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>An access token and when it stops working. Immutable: a renewal replaces the whole object.</summary>
    internal sealed class NimbleAccessToken
    {
        public NimbleAccessToken(Secret token, DateTimeOffset issuedAt, TimeSpan? lifetime)
        {
            Token = token;
            IssuedAt = issuedAt;
            Lifetime = lifetime;
        }

        public Secret Token { get; }

        public DateTimeOffset IssuedAt { get; }

        /// <summary>How long the token lives (expires_in); null when unknown (a token given by the caller).</summary>
        public TimeSpan? Lifetime { get; }

        public DateTimeOffset? ExpiresAt => Lifetime.HasValue ? IssuedAt + Lifetime.Value : (DateTimeOffset?)null;

        /// <summary>
        /// Renew this long before expiry: a minute for Nimble's 10-minute tokens, a tenth of the lifetime for
        /// short ones, so a request never leaves with a token that dies on the way.
        /// </summary>
        public TimeSpan Margin => Lifetime.HasValue
            ? TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, Lifetime.Value.Ticks / 10))
            : TimeSpan.Zero;

        public bool IsDue(DateTimeOffset now) => ExpiresAt.HasValue && now >= ExpiresAt.Value - Margin;
    }

    /// <summary>
    /// Puts <c>Authorization: Bearer</c> on every request and keeps the token fresh: renews it with the refresh
    /// token shortly before it expires and once more when the service answers 401. One renewal at a time, even
    /// when many runspaces share the connection: the others wait and use the new token (a refresh token is
    /// single-use, so two renewals racing would lose the second).
    /// </summary>
    internal sealed class NimbleAuthenticator : IRequestAuthenticator
    {
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private readonly Func<DateTimeOffset> _clock;
        private volatile NimbleAccessToken _token;
        private volatile Secret? _refreshToken;
        private volatile FailedRenewal? _failed;
        private int _renewals;

        public NimbleAuthenticator(NimbleAccessToken token, Secret? refreshToken, Func<DateTimeOffset>? clock = null)
        {
            _token = token ?? throw new ArgumentNullException(nameof(token));
            _refreshToken = refreshToken;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>Exchanges the refresh token for new tokens (set when a client id, secret and redirect URI are known).</summary>
        public NimbleOAuthClient? OAuth { get; set; }

        /// <summary>Called (inside the renewal lock) after every renewal: the token cache saves the new refresh token.</summary>
        public Action<NimbleAccessToken, Secret?>? Renewed { get; set; }

        public NimbleAccessToken Token => _token;

        public Secret? RefreshToken => _refreshToken;

        public bool CanRenew => OAuth != null && _refreshToken != null;

        /// <summary>Renewals done so far.</summary>
        public int Renewals => Volatile.Read(ref _renewals);

        public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = _token;
            if (CanRenew && token.IsDue(_clock()))
            {
                try
                {
                    token = await RenewAsync(token, "expires soon", cancellationToken).ConfigureAwait(false);
                }
                catch (CrmException ex)
                {
                    // Send with the old token; if it is really dead the 401 path reports this failure.
                    _failed = new FailedRenewal(token, ex);
                    CrmLog.Verbose("Renewing the Nimble access token failed: " + ex.Message);
                }
            }
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token.Token.Reveal());
        }

        public async Task<bool> TryRenewAsync(HttpRequestMessage? rejected, CancellationToken cancellationToken)
        {
            var seen = _token;
            var failed = _failed;
            if (failed != null && ReferenceEquals(failed.Token, seen)) throw failed.Error;
            if (!CanRenew)
            {
                CrmLog.Verbose("The Nimble access token was rejected and there is no refresh token (or client secret) to renew it.");
                return false;
            }
            // The request left with an older token (another caller renewed meanwhile): repeat it with the current one.
            if (rejected != null && !SentWith(rejected, seen)) return true;
            await RenewAsync(seen, "was rejected", cancellationToken).ConfigureAwait(false);
            return true;
        }

        private static bool SentWith(HttpRequestMessage request, NimbleAccessToken token) =>
            request.Headers.TryGetValues("Authorization", out var values) &&
            System.Linq.Enumerable.Any(values, v => string.Equals(v, "Bearer " + token.Token.Reveal(), StringComparison.Ordinal));

        /// <summary>Renews unless another caller already replaced <paramref name="seen"/> while this one waited.</summary>
        private async Task<NimbleAccessToken> RenewAsync(NimbleAccessToken seen, string why, CancellationToken cancellationToken)
        {
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (!ReferenceEquals(current, seen)) return current;
                var oauth = OAuth!;
                var refresh = _refreshToken!;
                CrmLog.Verbose($"The Nimble access token {why}; renewing it with the refresh token.");
                var fresh = await oauth.RefreshAsync(refresh, cancellationToken).ConfigureAwait(false);
                _refreshToken = fresh.RefreshToken ?? refresh;
                _token = fresh.AccessToken;
                _failed = null;
                Interlocked.Increment(ref _renewals);
                Renewed?.Invoke(fresh.AccessToken, _refreshToken);
                return fresh.AccessToken;
            }
            finally
            {
                _renewal.Release();
            }
        }

        /// <summary>Replaces the tokens (a new login on the same connection).</summary>
        public void Set(NimbleAccessToken token, Secret? refreshToken)
        {
            _token = token;
            _refreshToken = refreshToken;
            _failed = null;
        }

        private sealed class FailedRenewal
        {
            public FailedRenewal(NimbleAccessToken token, CrmException error)
            {
                Token = token;
                Error = error;
            }

            public NimbleAccessToken Token { get; }
            public CrmException Error { get; }
        }
    }
}
