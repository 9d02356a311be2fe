using System.Linq;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Webhooks;

namespace CrmTools.Webhooks
{
    /// <summary>Stop-CrmWebhookListener: stops listeners (from the pipeline, by id, or all of this process).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "CrmWebhookListener", SupportsShouldProcess = true, DefaultParameterSetName = AllSet)]
    [OutputType(typeof(void))]
    public sealed class StopCrmWebhookListenerCommand : CrmCmdlet
    {
        private const string AllSet = "All";
        private const string InputSet = "InputObject";
        private const string IdSet = "Id";

        /// <summary>Listeners from Start- or Get-CrmWebhookListener.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputSet)]
        [ValidateNotNull]
        public WebhookListener[]? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public int[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var listener in InputObject) Stop(listener);
                return;
            }
            if (Id != null)
            {
                foreach (var id in Id)
                {
                    if (WebhookListeners.TryGet(id, out var listener))
                    {
                        Stop(listener);
                    }
                    else
                    {
                        WriteError(new ErrorRecord(new ItemNotFoundException($"There is no webhook listener {id} in this process. Get-CrmWebhookListener lists them."),
                            "Crm.WebhookListenerNotFound", ErrorCategory.ObjectNotFound, id));
                    }
                }
                return;
            }
            foreach (var listener in WebhookListeners.All.ToList()) Stop(listener);
        }

        private void Stop(WebhookListener listener)
        {
            if (!ShouldProcess(listener.ToString(), "Stop webhook listener")) return;
            WebhookListeners.Stop(listener);
            WriteVerbose($"Webhook listener {listener.Id} stopped: {listener.Stored} stored, {listener.Duplicates} duplicates, {listener.Rejected} rejected.");
        }
    }
}
