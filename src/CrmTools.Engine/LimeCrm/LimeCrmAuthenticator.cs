using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>Puts the API key on every request as x-api-key. A key does not expire, so there is nothing to renew.</summary>
    internal sealed class LimeCrmAuthenticator : IRequestAuthenticator
    {
        private readonly Secret _apiKey;

        public LimeCrmAuthenticator(Secret apiKey) => _apiKey = apiKey;

        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(LimeCrmWire.ApiKeyHeader, _apiKey.Reveal());
            return Task.CompletedTask;
        }

        public Task<bool> TryRenewAsync(HttpRequestMessage? rejected, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
