using System.Management.Automation;

namespace CrmTools.LimeGo
{
    /// <summary>Unregister-LimeGoSubscription: removes push subscriptions by id.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "LimeGoSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UnregisterLimeGoSubscriptionCommand : LimeGoCmdlet
    {
        /// <summary>Subscription ids (from Register-LimeGoSubscription).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcess($"Lime Go subscription {id}", "Unregister")) continue;
                if (TryRun(id, ct => connection.Subscriptions.UnregisterAsync(id, ct))) WriteVerbose($"Subscription {id} removed.");
            }
        }
    }
}
