using System;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Unregister-PplWebhook: deletes webhooks and notifications.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "PplWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UnregisterPplWebhookCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcessOrForce(Force, $"Webhook {id}", "Unregister")) continue;
                TryRun(id, ct => connection.Webhooks.RemoveAsync(id, ct));
            }
        }
    }
}
