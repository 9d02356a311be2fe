using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmTools.Engine.Http
{
    /// <summary>How a connection puts its credentials on a request, and renews them after a 401.</summary>
    public interface IRequestAuthenticator
    {
        /// <summary>Adds headers or query values to an outgoing request (called for every attempt).</summary>
        Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>
        /// Called once after a 401, with the request the service rejected (its credentials tell which token failed);
        /// returns true when new credentials are ready and the request should be repeated.
        /// </summary>
        Task<bool> TryRenewAsync(HttpRequestMessage? rejected, CancellationToken cancellationToken);
    }
}
