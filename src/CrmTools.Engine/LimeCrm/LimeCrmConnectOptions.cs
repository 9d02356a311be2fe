using System;
using System.Security;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>What Connect-LimeCrm was given.</summary>
    public sealed class LimeCrmConnectOptions
    {
        /// <summary>The application's address, https://HOST/APPLICATION/ (the API root .../api/v1/ is accepted too).</summary>
        public Uri? BaseUri { get; set; }

        public SecureString? ApiKey { get; set; }

        public HttpSettings Http { get; set; } = new HttpSettings();

        /// <summary>The application address with a trailing slash and without any api/v1 suffix.</summary>
        public Uri ResolveApplicationUri()
        {
            if (BaseUri == null)
            {
                throw new CrmValidationException(LimeCrmWire.ServicePrefix, "BaseUri", "Give the Lime CRM application's address with -BaseUri, e.g. https://acme.lime-crm.com/acme/.");
            }
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new CrmValidationException(LimeCrmWire.ServicePrefix, "BaseUri", $"BaseUri must be an absolute http(s) address; '{BaseUri}' is not.");
            }
            var text = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            foreach (var suffix in new[] { "/api/v1", "/api" })
            {
                if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(0, text.Length - suffix.Length);
                    break;
                }
            }
            return new Uri(text + "/");
        }

        internal void Validate()
        {
            if (ApiKey == null || ApiKey.Length == 0)
            {
                throw new CrmValidationException(LimeCrmWire.ServicePrefix, "ApiKey", "Give the Lime CRM API key with -ApiKey (a SecureString).");
            }
        }
    }
}
