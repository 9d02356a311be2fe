using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplWebhookEvent: the events the service sent in the last days, or events by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PplWebhookEvent", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplWebhookEvent))]
    public sealed class GetPplWebhookEventCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true)]
        [Alias("EventId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ListSet)
            {
                if (TryRun(null, ct => connection.Webhooks.ListEventsAsync(ct), out var events)) WriteAll(events);
                return;
            }
            foreach (var id in Id)
            {
                if (TryRun(id, ct => connection.Webhooks.GetEventAsync(id, ct), out var e)) WriteObject(e);
            }
        }
    }
}
