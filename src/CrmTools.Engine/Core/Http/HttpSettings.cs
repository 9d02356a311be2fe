using System;
using System.Globalization;
using System.Net;

namespace CrmTools.Engine.Http
{
    /// <summary>
    /// Transport settings of one connection: proxy, timeouts and retry limits. Defaults can be
    /// changed for a whole runbook with environment variables (CRMTOOLS_MAX_RETRIES,
    /// CRMTOOLS_TIMEOUT_SEC, CRMTOOLS_MAX_RETRY_WAIT_SEC) without touching scripts.
    /// </summary>
    public sealed class HttpSettings
    {
        /// <summary>Time allowed for one attempt (sending the request and reading the response headers).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(EnvInt("CRMTOOLS_TIMEOUT_SEC", 100));

        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; set; } = EnvInt("CRMTOOLS_MAX_RETRIES", 5);

        /// <summary>Cap on the total time spent waiting between attempts of one request.</summary>
        public TimeSpan MaxTotalRetryWait { get; set; } = TimeSpan.FromSeconds(EnvInt("CRMTOOLS_MAX_RETRY_WAIT_SEC", 120));

        /// <summary>First backoff step; doubles on every retry, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Largest single backoff step (a Retry-After may ask for more, up to <see cref="MaxTotalRetryWait"/>).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>An explicit proxy; when null the system proxy is used (unless <see cref="NoProxy"/>).</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the explicit proxy.</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Send the logged-on user's credentials to the (system or explicit) proxy.</summary>
        public bool ProxyUseDefaultCredentials { get; set; }

        /// <summary>Connect directly, ignoring any system proxy.</summary>
        public bool NoProxy { get; set; }

        public string UserAgent { get; set; } = "CrmTools-PowerShell/" + typeof(HttpSettings).Assembly.GetName().Version?.ToString(3);

        public HttpSettings Clone() => (HttpSettings)MemberwiseClone();

        private static int EnvInt(string name, int fallback)
        {
            var text = Environment.GetEnvironmentVariable(name);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;
        }
    }
}
