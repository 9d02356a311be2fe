using System.Linq;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Webhooks;

namespace CrmTools.Webhooks
{
    /// <summary>Get-CrmWebhookListener: the webhook listeners running in this process, with their counters.</summary>
    [Cmdlet(VerbsCommon.Get, "CrmWebhookListener")]
    [OutputType(typeof(WebhookListener))]
    public sealed class GetCrmWebhookListenerCommand : CrmCmdlet
    {
        /// <summary>Only the listeners with these ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (Id == null)
            {
                foreach (var listener in WebhookListeners.All) WriteObject(listener);
                return;
            }
            foreach (var id in Id)
            {
                if (WebhookListeners.TryGet(id, out var listener))
                {
                    WriteObject(listener);
                }
                else
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no webhook listener {id} in this process. Get-CrmWebhookListener lists them."),
                        "Crm.WebhookListenerNotFound", ErrorCategory.ObjectNotFound, id));
                }
            }
        }
    }
}
