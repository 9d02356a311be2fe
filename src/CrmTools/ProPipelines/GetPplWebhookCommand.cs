using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplWebhook: the account's webhooks and notifications.</summary>
    [Cmdlet(VerbsCommon.Get, "PplWebhook")]
    [OutputType(typeof(PplWebhook))]
    public sealed class GetPplWebhookCommand : PplCmdlet
    {
        /// <summary>Only webhooks for events matching this name (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(PplWebhookEventCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Event { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(null, ct => connection.Webhooks.ListAsync(ct), out var webhooks)) return;
            var pattern = Event == null ? null : new WildcardPattern(Event, WildcardOptions.IgnoreCase);
            WriteAll(webhooks.Where(w => pattern == null || pattern.IsMatch(w.Event ?? string.Empty)));
        }
    }
}
