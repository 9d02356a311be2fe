using System;
using System.Net;
using System.Net.Http;

namespace CrmTools.Engine.Http
{
    /// <summary>The socket-level handler: compression, proxy (system or explicit, with credentials).</summary>
    internal static class PrimaryHandlerFactory
    {
        public static HttpMessageHandler Create(HttpSettings settings)
        {
#if NET
            var handler = new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(30),
                MaxConnectionsPerServer = 32,
            };
#else
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = 32,
            };
#endif
            handler.AllowAutoRedirect = true;
            if (settings.NoProxy)
            {
                handler.UseProxy = false;
            }
            else if (settings.Proxy != null)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(settings.Proxy)
                {
                    Credentials = settings.ProxyCredential,
                    UseDefaultCredentials = settings.ProxyCredential == null && settings.ProxyUseDefaultCredentials,
                    BypassProxyOnLocal = false,
                };
            }
            else
            {
                // The system proxy (environment variables on Linux/macOS, WinINet settings on Windows).
                handler.UseProxy = true;
                if (settings.ProxyUseDefaultCredentials)
                {
                    handler.DefaultProxyCredentials = CredentialCache.DefaultCredentials;
                }
            }
            return handler;
        }
    }
}
