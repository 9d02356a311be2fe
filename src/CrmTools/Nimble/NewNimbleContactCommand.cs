using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContact: creates a person or a company.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContact", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContact))]
    public sealed class NewNimbleContactCommand : NimbleContactWriteCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string? LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Company")]
        [ValidateNotNullOrEmpty]
        public override string? CompanyName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string? Title { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string[]? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string[]? Phone { get; set; }

        /// <summary>A hashtable with street, city, state, zip, country (or Nimble's address text).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public override object? Address { get; set; }

        /// <summary>person or company; a person unless only -CompanyName is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("person", "company")]
        public string? RecordType { get; set; }

        /// <summary>Tags (at most 5 on creation).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>The user who owns the contact (default: the account's default owner).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OwnerId { get; set; }

        /// <summary>Contacts created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = BuildInput();
            input.RecordType = RecordType;
            input.Tags = List(Tag);
            input.OwnerId = OwnerId;
            var label = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
            if (label.Length == 0) label = CompanyName ?? "contact";
            if (!ShouldProcess(label, "Create Nimble contact")) return;
            // Parameter values were copied into input above: PowerShell rebinds the properties for the next item.
            RunBulk(label, ct => connection.Contacts.CreateAsync(input, ct), ThrottleLimit);
        }
    }
}
