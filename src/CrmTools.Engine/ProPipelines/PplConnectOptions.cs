using System;
using System.Security;
using System.Text.RegularExpressions;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>What Connect-Ppl was given. Exactly one credential style must be set.</summary>
    public sealed class PplConnectOptions
    {
        private static readonly Regex SlugPattern = new Regex("^[A-Za-z0-9][A-Za-z0-9-]{0,62}$", RegexOptions.CultureInvariant);

        /// <summary>The account slug: https://SLUG.propipelines.com.</summary>
        public string? Slug { get; set; }

        /// <summary>The account address for a custom host or the sandbox (instead of <see cref="Slug"/>).</summary>
        public Uri? BaseUri { get; set; }

        public SecureString? ApiKey { get; set; }

        public SecureString? UserToken { get; set; }

        /// <summary>Login e-mail for HTTP Basic login (with <see cref="Password"/>).</summary>
        public string? UserName { get; set; }

        public SecureString? Password { get; set; }

        /// <summary>With an API key: act as this user (id or e-mail) through /auth/log_as.</summary>
        public string? AsUser { get; set; }

        public HttpSettings Http { get; set; } = new HttpSettings();

        /// <summary>The account address, from <see cref="BaseUri"/> or <see cref="Slug"/>.</summary>
        public Uri ResolveAccountUri()
        {
            if (BaseUri != null)
            {
                if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new CrmValidationException("Ppl", "BaseUri", $"BaseUri must be an absolute http(s) address; '{BaseUri}' is not.");
                }
                // Accept the API root too: https://x.propipelines.com/api/v2 -> https://x.propipelines.com/
                var text = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
                if (text.EndsWith("/api/v2", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - "/api/v2".Length);
                return new Uri(text + "/");
            }
            if (string.IsNullOrWhiteSpace(Slug))
            {
                throw new CrmValidationException("Ppl", "Slug", "Give the account's -Slug (the SLUG in https://SLUG.propipelines.com) or its -BaseUri.");
            }
            if (!SlugPattern.IsMatch(Slug!.Trim()))
            {
                throw new CrmValidationException("Ppl", "Slug", $"'{Slug}' is not a valid account slug: use letters, digits and hyphens, as in https://SLUG.propipelines.com.");
            }
            return new Uri($"https://{Slug.Trim().ToLowerInvariant()}.propipelines.com/");
        }

        internal void Validate()
        {
            var styles = (ApiKey != null ? 1 : 0) + (UserToken != null ? 1 : 0) + (UserName != null ? 1 : 0);
            if (styles != 1)
            {
                throw new CrmValidationException("Ppl", "ApiKey", "Give exactly one of -ApiKey, -UserToken or -Credential.");
            }
            if (UserName != null && (Password == null || Password.Length == 0))
            {
                throw new CrmValidationException("Ppl", "Credential", "The credential has no password.");
            }
            if (AsUser != null && ApiKey == null)
            {
                throw new CrmValidationException("Ppl", "AsUser", "-AsUser works with an API key only (the service's log_as is an API-key action).");
            }
        }
    }
}
