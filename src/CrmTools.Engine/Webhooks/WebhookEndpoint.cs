using System;
using System.Collections.Generic;
using System.Security;
using System.Text.RegularExpressions;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>The services whose push deliveries the listener accepts.</summary>
    public enum WebhookService
    {
        /// <summary>ProPipelines webhooks: signed with the account's API key, verified before anything is stored.</summary>
        Ppl,

        /// <summary>Lime Go push subscriptions (the body is kept as sent; the service documents no signature).</summary>
        LimeGo,

        /// <summary>Userlike callbacks (JSON with _type and _event).</summary>
        Userlike,
    }

    /// <summary>One service's path under the listener's prefixes, and what it needs to verify deliveries.</summary>
    public sealed class WebhookEndpoint
    {
        private static readonly Regex PathPattern = new Regex("^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$", RegexOptions.CultureInvariant);

        private WebhookEndpoint(WebhookService service, string path, Secret? pplApiKey)
        {
            Service = service;
            Path = path;
            PplApiKey = pplApiKey;
        }

        public WebhookService Service { get; }

        /// <summary>The path under each prefix (e.g. "ppl" for http://127.0.0.1:8080/hooks/ppl); empty for the prefix itself.</summary>
        public string Path { get; }

        /// <summary>The full addresses to give the service, one per prefix (set when the listener starts).</summary>
        public IReadOnlyList<string> Urls { get; internal set; } = Array.Empty<string>();

        /// <summary>The key ProPipelines signs with. Never shown.</summary>
        internal Secret? PplApiKey { get; }

        /// <summary>The default path of each service under the prefix.</summary>
        public static string DefaultPath(WebhookService service) => service switch
        {
            WebhookService.Ppl => "ppl",
            WebhookService.LimeGo => "limego",
            _ => "userlike",
        };

        /// <summary>The product name, for messages.</summary>
        public static string DisplayName(WebhookService service) => service switch
        {
            WebhookService.Ppl => "ProPipelines",
            WebhookService.LimeGo => "Lime Go",
            _ => "Userlike",
        };

        /// <summary>A ProPipelines endpoint verifying signatures against <paramref name="apiKey"/>.</summary>
        public static WebhookEndpoint Ppl(string? path, SecureString apiKey)
        {
            if (apiKey == null || apiKey.Length == 0) throw new CrmValidationException("Crm", "PplApiKey", "The ProPipelines API key is empty.");
            return new WebhookEndpoint(WebhookService.Ppl, NormalizePath(path, WebhookService.Ppl, "PplPath"), Secret.FromSecureString(apiKey));
        }

        /// <summary>A ProPipelines endpoint verifying signatures against the API key of <paramref name="connection"/>.</summary>
        public static WebhookEndpoint Ppl(string? path, PplConnection connection)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            var key = connection.ApiKeySecret ?? throw new CrmValidationException("Crm", "PplConnection",
                $"The ProPipelines connection {connection.BaseUri} was made without an API key ({connection.AuthMethod}); webhooks are signed with an API key. Connect with -ApiKey, or pass -PplApiKey.");
            return new WebhookEndpoint(WebhookService.Ppl, NormalizePath(path, WebhookService.Ppl, "PplPath"), key);
        }

        /// <summary>A Lime Go push endpoint.</summary>
        public static WebhookEndpoint LimeGo(string? path) => new WebhookEndpoint(WebhookService.LimeGo, NormalizePath(path, WebhookService.LimeGo, "LimeGoPath"), null);

        /// <summary>A Userlike callback endpoint.</summary>
        public static WebhookEndpoint Userlike(string? path) => new WebhookEndpoint(WebhookService.Userlike, NormalizePath(path, WebhookService.Userlike, "UserlikePath"), null);

        private static string NormalizePath(string? path, WebhookService service, string parameter)
        {
            if (path == null) return DefaultPath(service);
            var trimmed = path.Trim().Trim('/');
            if (trimmed.Length > 0 && !PathPattern.IsMatch(trimmed))
            {
                throw new CrmValidationException("Crm", parameter, $"'{path}' is not a usable path: use letters, digits, '-', '_', '.', '~' and '/'.");
            }
            return trimmed;
        }

        public override string ToString() => Urls.Count > 0 ? $"{Service} {string.Join(", ", Urls)}" : $"{Service} /{Path}";
    }
}
