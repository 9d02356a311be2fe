using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// Puts X-API-KEY or X-USER-TOKEN on every request. A token obtained by login is renewed
    /// by logging in again when it expires (tokens last 30 days), one renewal at a time.
    /// </summary>
    internal sealed class PplAuthenticator : IRequestAuthenticator
    {
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private volatile Secret? _userToken;

        public PplAuthenticator(Secret? apiKey, Secret? userToken, PplQuota quota)
        {
            ApiKey = apiKey;
            _userToken = userToken;
            Quota = quota;
        }

        /// <summary>Counts every authenticated attempt: each one spends a request of the daily quota.</summary>
        public PplQuota Quota { get; }

        public Secret? ApiKey { get; }

        public Secret? UserToken
        {
            get => _userToken;
            set => _userToken = value;
        }

        /// <summary>Logs in again to get a fresh user token (set when the connection came from a login or log_as).</summary>
        public Func<CancellationToken, Task<Secret>>? Renew { get; set; }

        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Quota.Count();
            var token = _userToken;
            if (token != null) request.Headers.TryAddWithoutValidation("X-USER-TOKEN", token.Reveal());
            else if (ApiKey != null) request.Headers.TryAddWithoutValidation("X-API-KEY", ApiKey.Reveal());
            return Task.CompletedTask;
        }

        public async Task<bool> TryRenewAsync(HttpRequestMessage? rejected, CancellationToken cancellationToken)
        {
            if (Renew == null) return false;
            var before = _userToken;
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request renewed while we waited: use its token.
                if (!ReferenceEquals(before, _userToken)) return true;
                CrmLog.Verbose("The ProPipelines user token was rejected; logging in again.");
                _userToken = await Renew(cancellationToken).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _renewal.Release();
            }
        }
    }
}
