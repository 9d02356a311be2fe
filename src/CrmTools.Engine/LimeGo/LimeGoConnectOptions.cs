using System;
using System.Security;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>What Connect-LimeGo was given.</summary>
    public sealed class LimeGoConnectOptions
    {
        /// <summary>The service address documented by Lime Go.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.lime-go.com/");

        /// <summary>The service address (the API is under v1/); a custom host or the sandbox.</summary>
        public Uri BaseUri { get; set; } = DefaultBaseUri;

        public SecureString? ApiKey { get; set; }

        /// <summary>Send the key as the <c>apikey=</c> query parameter instead of the <c>Authorization: go-api:</c> header.</summary>
        public bool ApiKeyInQuery { get; set; }

        public HttpSettings Http { get; set; } = new HttpSettings();

        /// <summary>The service address without the API version, ending in a slash (https://api.lime-go.com/ also from .../v1).</summary>
        public Uri ResolveServiceUri()
        {
            if (BaseUri == null || !BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "BaseUri", $"BaseUri must be an absolute http(s) address; '{BaseUri}' is not.");
            }
            var text = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - "/v1".Length);
            return new Uri(text + "/");
        }

        internal void Validate()
        {
            if (ApiKey == null || ApiKey.Length == 0)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "ApiKey", "Give the API key (Settings - Integrations - Lime Go API Keys) as -ApiKey.");
            }
        }
    }
}
