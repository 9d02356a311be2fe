using System;
using System.Management.Automation;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>Register-LimeGoSubscription: asks Lime Go to POST events to a URL (push model).</summary>
    [Cmdlet(VerbsLifecycle.Register, "LimeGoSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LimeGoSubscription))]
    public sealed class RegisterLimeGoSubscriptionCommand : LimeGoCmdlet
    {
        /// <summary>The address Lime Go POSTs each event to.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetUrl")]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>The events to deliver; omitted: every event.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Events")]
        [ValidateSet("OrganizationBeenInTouch", "OrganizationHasNoRelation", "OrganizationIsACustomer", "OrganizationWasACustomer",
            "OrganizationWorkingOnIt", "DealWon", "DealLost", "DealStatusChange", "CallPositive", "CallNegative",
            "MeetingBooked", "MeetingReported", "MeetingCancelled", IgnoreCase = true)]
        public string[]? Event { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var what = Event == null || Event.Length == 0 ? "every event" : string.Join(", ", Event);
            if (!ShouldProcess(Uri!.ToString(), "Subscribe to " + what)) return;
            if (TryRun(Uri, ct => connection.Subscriptions.RegisterAsync(Uri, Event, ct), out var subscription)) WriteObject(subscription);
        }
    }
}
