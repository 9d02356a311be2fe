using System;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Send-PplUserActivation: e-mails users their activation link.</summary>
    [Cmdlet(VerbsCommunications.Send, "PplUserActivation", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SendPplUserActivationCommand : PplCmdlet
    {
        /// <summary>User ids or e-mail addresses.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [PplIdArgument("UserId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcess($"User {id}", "Send the activation e-mail")) continue;
                if (!TryRun(id, ct => connection.Users.SendActivationEmailAsync(id, ct), out var sent)) continue;
                if (sent) WriteVerbose($"The activation e-mail was sent to user {id}.");
                else WriteWarning($"User {id} has already activated the account: no e-mail was sent.");
            }
        }
    }
}
