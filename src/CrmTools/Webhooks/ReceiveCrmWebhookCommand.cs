using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.ProPipelines.Models;
using CrmTools.Engine.Spool;
using CrmTools.Engine.Webhooks;

namespace CrmTools.Webhooks
{
    /// <summary>
    /// Receive-CrmWebhook: writes the deliveries waiting in the spool to the pipeline, oldest first, as typed events.
    /// A delivery leaves the spool only once the downstream pipeline has taken it without a terminating error; one
    /// that failed downstream stays and comes again next time. -Wait keeps streaming new deliveries until Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "CrmWebhook")]
    [OutputType(typeof(PplWebhookEvent), typeof(CrmWebhookEvent))]
    public sealed class ReceiveCrmWebhookCommand : CrmCmdlet
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

        /// <summary>The spool folder (default: per user, or $env:CRMTOOLS_WEBHOOK_SPOOL). Binds a listener's SpoolPath.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SpoolPath { get; set; }

        /// <summary>Only deliveries of these services (the others stay in the spool).</summary>
        [Parameter]
        [ValidateSet("Ppl", "LimeGo", "Userlike", IgnoreCase = true)]
        public string[]? Service { get; set; }

        /// <summary>Keep waiting for new deliveries until Ctrl+C.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Look without taking: nothing leaves the spool.</summary>
        [Parameter]
        public SwitchParameter Peek { get; set; }

        protected override void ProcessRecord()
        {
            var path = SpoolPath == null ? null : GetUnresolvedProviderPathFromPSPath(SpoolPath);
            WebhookInbox inbox;
            try
            {
                inbox = WebhookInbox.Open(path, Peek);
            }
            catch (SpoolBusyException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "Crm.WebhookSpoolBusy", ErrorCategory.ResourceBusy, ex.SpoolPath)
                {
                    ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Let the other Receive-CrmWebhook finish, or use -Peek to look without taking." },
                });
                return;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, path);
                return;
            }
            using (inbox)
            {
                WriteVerbose($"Reading the webhook spool {inbox.SpoolPath}" + (Peek ? " (peek: nothing is taken)." : "."));
                var services = Service == null ? null : new HashSet<WebhookService>(Service.Select(s => (WebhookService)Enum.Parse(typeof(WebhookService), s, ignoreCase: true)));
                // Items this run leaves in the spool (peeked, another service, unreadable): not read again while waiting.
                var passed = new HashSet<string>(StringComparer.Ordinal);
                while (true)
                {
                    foreach (var name in inbox.ListPending())
                    {
                        if (passed.Contains(name)) continue;
                        WebhookDelivery? delivery;
                        try
                        {
                            delivery = inbox.Read(name);
                        }
                        catch (WebhookSpoolItemException ex)
                        {
                            passed.Add(name);
                            WriteFailure(ex, name);
                            continue;
                        }
                        if (delivery == null) continue;
                        if (services != null && !services.Contains(delivery.Service))
                        {
                            passed.Add(name);
                            continue;
                        }
                        if (Peek) passed.Add(name);
                        Deliver(inbox, delivery);
                    }
                    if (!Wait) return;
                    // Ctrl+C cancels the wait (PipelineStoppedException); new files wake it at once, polling is the fallback.
                    Run(ct => inbox.WaitForChangeAsync(PollInterval, ct));
                }
            }
        }

        private void Deliver(WebhookInbox inbox, WebhookDelivery delivery)
        {
            var output = ToPipelineObject(delivery);
            if (Peek)
            {
                WriteObject(output);
                return;
            }
            try
            {
                WriteObject(output);
            }
            catch (Exception ex) when (ex.GetType().Name == "StopUpstreamCommandsException")
            {
                // Select-Object -First N took this one and wants no more: it was taken.
                inbox.Complete(delivery);
                throw;
            }
            // Any other exception (a terminating error downstream, Ctrl+C) leaves the delivery in the spool.
            inbox.Complete(delivery);
        }

        private static object ToPipelineObject(WebhookDelivery delivery)
        {
            var body = PlainObjects.ToPowerShell(delivery.Body);
            if (delivery.Event is CrmWebhookEvent generic)
            {
                generic.Body = body;
                return generic;
            }
            // A ProPipelines event is the engine's own PplWebhookEvent (as Get-PplWebhookEvent gives it), plus what the
            // listener knows about the delivery. (EventId is already there: the module's types file aliases it to Id.)
            var ps = PSObject.AsPSObject(delivery.Event);
            AddNote(ps, "Service", delivery.Service.ToString());
            AddNote(ps, "EventId", delivery.EventId);
            AddNote(ps, "EventName", delivery.EventName);
            AddNote(ps, "ReceivedAt", delivery.ReceivedAt);
            AddNote(ps, "Verified", delivery.Verified);
            AddNote(ps, "Body", body);
            return ps;
        }

        private static void AddNote(PSObject target, string name, object? value)
        {
            if (target.Properties[name] == null) target.Properties.Add(new PSNoteProperty(name, value));
        }
    }
}
