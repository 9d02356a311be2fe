using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplUser: creates users (also from objects, e.g. Import-Csv rows).</summary>
    [Cmdlet(VerbsCommon.New, "PplUser", SupportsShouldProcess = true)]
    [OutputType(typeof(PplUser))]
    public sealed class NewPplUserCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? LastName { get; set; }

        /// <summary>Makes the user an administrator of the account.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IsAdmin { get; set; }

        /// <summary>Sends the activation e-mail now (by default none is sent).</summary>
        [Parameter]
        public SwitchParameter SendActivationEmail { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Email, IsAdmin ? "Create an administrator" : "Create a user")) return;
            if (TryRun(Email, ct => connection.Users.CreateAsync(Email, FirstName, LastName, IsAdmin, SendActivationEmail, ct), out var user)) WriteObject(user);
        }
    }
}
