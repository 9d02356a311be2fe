using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContact: changes a contact's fields (extends them, or with -Replace replaces their values).</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContact", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContact))]
    public sealed class SetNimbleContactCommand : NimbleContactWriteCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string? FirstName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string? LastName { get; set; }

        [Parameter]
        [Alias("Company")]
        [ValidateNotNullOrEmpty]
        public override string? CompanyName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string? Title { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string[]? Email { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string[]? Phone { get; set; }

        /// <summary>A hashtable with street, city, state, zip, country (or Nimble's address text).</summary>
        [Parameter]
        [ValidateNotNull]
        public override object? Address { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Replace the values of the fields given instead of adding to them.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = BuildInput();
            if (!ShouldProcess(Id, Replace ? "Replace Nimble contact fields" : "Update Nimble contact")) return;
            if (TryRun(Id, ct => connection.Contacts.UpdateAsync(Id!, input, Replace, ct), out var contact)) WriteObject(contact);
        }
    }
}
