using System;
using System.Management.Automation;
using CrmTools.Engine.Http;

namespace CrmTools.Base
{
    /// <summary>Transport parameters every Connect-* command shares (proxy, timeout, retries).</summary>
    public abstract class ConnectCmdlet : CrmCmdlet
    {
        /// <summary>An explicit proxy; the system proxy is used otherwise.</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Seconds allowed for one request attempt.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        /// <summary>Retries of a transient failure (429, 502, 503, 504, timeout, dropped connection).</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int? MaximumRetryCount { get; set; }

        /// <summary>Return the connection object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected HttpSettings BuildHttpSettings()
        {
            if (NoProxy && (Proxy != null || ProxyCredential != null))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-NoProxy cannot be combined with -Proxy or -ProxyCredential."),
                    "Crm.InvalidArgument", ErrorCategory.InvalidArgument, null));
            }
            var settings = new HttpSettings
            {
                Proxy = Proxy,
                ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
                NoProxy = NoProxy,
            };
            if (TimeoutSec.HasValue) settings.Timeout = TimeSpan.FromSeconds(TimeoutSec.Value);
            if (MaximumRetryCount.HasValue) settings.MaxRetries = MaximumRetryCount.Value;
            return settings;
        }
    }
}
