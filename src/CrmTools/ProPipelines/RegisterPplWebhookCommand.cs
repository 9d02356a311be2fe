using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Register-PplWebhook: subscribes a URL (webhook) or an e-mail address (notification) to an event.</summary>
    [Cmdlet(VerbsLifecycle.Register, "PplWebhook", SupportsShouldProcess = true, DefaultParameterSetName = UriSet)]
    [OutputType(typeof(PplWebhook))]
    public sealed class RegisterPplWebhookCommand : PplCmdlet
    {
        private const string UriSet = "Uri";
        private const string EmailSet = "Email";

        /// <summary>The event, e.g. lead.creation, lead.status.changed.to.won, lead.step.changed.to.PIPELINE.STEP.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PplWebhookEventCompleter))]
        [ValidateNotNullOrEmpty]
        public string Event { get; set; } = string.Empty;

        /// <summary>Where each event is POSTed.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = UriSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>Where each event is e-mailed (a notification instead of a webhook).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>With lead.manual.trigger: add the webhook to the lead's action menu.</summary>
        [Parameter]
        public SwitchParameter AddToLeadActionMenu { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var webhook = new PplNewWebhook { Event = Event, Uri = Uri, Email = Email, Name = Name, AddToLeadActionMenu = AddToLeadActionMenu };
            var target = (object?)Uri ?? Email;
            if (!ShouldProcess($"{Event} -> {target}", "Register a webhook")) return;
            if (TryRun(target, ct => connection.Webhooks.RegisterAsync(webhook, ct), out var created)) WriteObject(created);
        }
    }
}
