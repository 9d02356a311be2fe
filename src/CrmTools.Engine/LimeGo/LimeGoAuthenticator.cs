using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>
    /// Puts the API key on every request: <c>Authorization: go-api:&lt;KEY&gt;</c> (no space, as documented), or,
    /// when asked, the <c>apikey=</c> query parameter (the logger masks it: "apikey" is a sensitive query name and the
    /// key is a registered <see cref="Secret"/>). Keys do not expire, so there is nothing to renew.
    /// </summary>
    internal sealed class LimeGoAuthenticator : IRequestAuthenticator
    {
        internal const string Scheme = "go-api:";
        internal const string QueryName = "apikey";

        private readonly Secret _apiKey;
        private readonly bool _inQuery;

        public LimeGoAuthenticator(Secret apiKey, bool inQuery)
        {
            _apiKey = apiKey;
            _inQuery = inQuery;
        }

        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_inQuery && request.RequestUri != null)
            {
                var uri = request.RequestUri;
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                request.RequestUri = new Uri(uri.AbsoluteUri + separator + QueryName + "=" + Uri.EscapeDataString(_apiKey.Reveal()));
            }
            else
            {
                request.Headers.TryAddWithoutValidation("Authorization", Scheme + _apiKey.Reveal());
            }
            return Task.CompletedTask;
        }

        public Task<bool> TryRenewAsync(HttpRequestMessage? rejected, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
