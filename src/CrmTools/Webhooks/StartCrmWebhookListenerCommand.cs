using System;
using System.Management.Automation;
using System.Security;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.Spool;
using CrmTools.Engine.Webhooks;

namespace CrmTools.Webhooks
{
    /// <summary>
    /// Start-CrmWebhookListener: receives webhook deliveries for ProPipelines, Lime Go and Userlike on their own paths
    /// and writes each accepted one durably to the spool before answering 2xx. Runs in the background (returns the
    /// listener) or, with -Wait, in the foreground until Ctrl+C, writing a log line per delivery.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "CrmWebhookListener")]
    [OutputType(typeof(WebhookListener))]
    public sealed class StartCrmWebhookListenerCommand : CrmCmdlet
    {
        /// <summary>HttpListener prefixes, e.g. http://127.0.0.1:8080/hooks/ (port 0: a free port).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Prefix { get; set; } = Array.Empty<string>();

        /// <summary>Accept ProPipelines webhooks (at PplPath), verified with the API key.</summary>
        [Parameter]
        public SwitchParameter Ppl { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? PplPath { get; set; }

        /// <summary>The API key ProPipelines signs deliveries with.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? PplApiKey { get; set; }

        /// <summary>A ProPipelines connection made with an API key: its key verifies the deliveries.</summary>
        [Parameter]
        [ValidateNotNull]
        public PplConnection? PplConnection { get; set; }

        [Parameter]
        public SwitchParameter LimeGo { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? LimeGoPath { get; set; }

        [Parameter]
        public SwitchParameter Userlike { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? UserlikePath { get; set; }

        /// <summary>The spool folder (default: per user, or $env:CRMTOOLS_WEBHOOK_SPOOL).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SpoolPath { get; set; }

        [Parameter]
        [ValidateRange(1024, 100L * 1024 * 1024)]
        public long MaxBodyBytes { get; set; } = 1024 * 1024;

        [Parameter]
        public SwitchParameter AllowInsecure { get; set; }

        /// <summary>Run in the foreground until Ctrl+C, writing each log line.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LogPath { get; set; }

        protected override void ProcessRecord()
        {
            var options = new WebhookListenerOptions
            {
                SpoolPath = SpoolPath == null ? null : GetUnresolvedProviderPathFromPSPath(SpoolPath),
                LogPath = LogPath == null ? null : GetUnresolvedProviderPathFromPSPath(LogPath),
                MaxBodyBytes = MaxBodyBytes,
                AllowInsecure = AllowInsecure,
            };
            foreach (var p in Prefix) options.Prefixes.Add(p);

            WebhookListener listener;
            try
            {
                if (Ppl || PplPath != null || PplApiKey != null || PplConnection != null) options.Endpoints.Add(PplEndpoint());
                if (LimeGo || LimeGoPath != null) options.Endpoints.Add(WebhookEndpoint.LimeGo(LimeGoPath));
                if (Userlike || UserlikePath != null) options.Endpoints.Add(WebhookEndpoint.Userlike(UserlikePath));
                listener = WebhookListener.Start(options);
            }
            catch (SpoolBusyException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "Crm.WebhookSpoolBusy", ErrorCategory.ResourceBusy, ex.SpoolPath)
                {
                    ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Stop the other listener, or give this one its own -SpoolPath." },
                });
                return;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, string.Join(", ", Prefix));
                return;
            }
            WebhookListeners.Add(listener);
            WriteVerbose($"{listener}; spool {listener.SpoolPath}.");
            if (!Wait)
            {
                WriteObject(listener);
                return;
            }
            RunInForeground(listener);
        }

        private WebhookEndpoint PplEndpoint()
        {
            if (PplApiKey != null && PplConnection != null)
            {
                throw new CrmValidationException("Crm", "PplApiKey", "Give -PplApiKey or -PplConnection, not both.");
            }
            if (PplApiKey != null) return WebhookEndpoint.Ppl(PplPath, PplApiKey);
            var connection = PplConnection ?? ConnectionRegistry.GetDefault(Engine.ProPipelines.PplConnection.ServicePrefix, SessionId) as PplConnection;
            if (connection == null || connection.IsDisposed)
            {
                throw new CrmValidationException("Crm", "PplApiKey",
                    "ProPipelines deliveries are verified with the API key they are signed with: give -PplApiKey or -PplConnection, or run Connect-Ppl -ApiKey first.");
            }
            return WebhookEndpoint.Ppl(PplPath, connection);
        }

        // -Wait: the listener lives as long as this command; every log line is written as it happens (to the host, and
        // to the information stream a job or runbook keeps). Ctrl+C, or Stop-CrmWebhookListener from elsewhere, ends it.
        private void RunInForeground(WebhookListener listener)
        {
            try
            {
                using var follower = listener.Log.Follow(includeRecent: true);
                while (!CancellationToken.IsCancellationRequested)
                {
                    while (follower.TryTake(out var line)) WriteLine(line);
                    if (listener.State != WebhookListenerState.Running) break;
                    try
                    {
                        follower.Wait(500, CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
                if (!CancellationToken.IsCancellationRequested)
                {
                    while (follower.TryTake(out var line)) WriteLine(line);
                }
            }
            finally
            {
                // Stopped by Ctrl+C, by an error, or from elsewhere: deliveries in hand finish, the port closes.
                WebhookListeners.Stop(listener);
            }
        }

        private void WriteLine(string line) =>
            WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "CrmWebhookListener" });
    }
}
