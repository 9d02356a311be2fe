using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Disable-PplUser: stops users from signing in (only support can re-enable them).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "PplUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PplUser))]
    public sealed class DisablePplUserCommand : PplCmdlet
    {
        /// <summary>User ids or e-mail addresses.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [PplIdArgument("UserId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcessOrForce(Force, $"User {id}", "Disable (cannot be undone without support)")) continue;
                if (TryRun(id, ct => connection.Users.DisableAsync(id, ct), out var user) && PassThru) WriteObject(user);
            }
        }
    }
}
