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

        /// <summary>Contacts changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = BuildInput();
            var id = Id!;
            bool replace = Replace;
            if (!ShouldProcess(id, replace ? "Replace Nimble contact fields" : "Update Nimble contact")) return;
            // Parameter values were copied into locals above: PowerShell rebinds the properties for the next item.
            var throttleLimit = ThrottleLimit;
            AfterInput(() => RunBulk(id, ct => connection.Contacts.UpdateAsync(id, input, replace, ct), throttleLimit));
        }
    }
}
