using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Contacts;

namespace CrmTools.Nimble
{
    /// <summary>The contact field parameters New-NimbleContact and Set-NimbleContact share.</summary>
    public abstract class NimbleContactWriteCmdlet : NimbleCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Company")]
        [ValidateNotNullOrEmpty]
        public string? CompanyName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Email { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string EmailModifier { get; set; } = "work";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Phone { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PhoneModifier { get; set; } = "work";

        /// <summary>A hashtable with street, city, state, zip, country (or Nimble's address text).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object? Address { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AddressModifier { get; set; } = "work";

        /// <summary>Any field by name: text, @{ value = ..; modifier = .. }, or a list of those.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Field { get; set; }

        protected NimbleContactInput BuildInput() => new NimbleContactInput
        {
            FirstName = FirstName,
            LastName = LastName,
            CompanyName = CompanyName,
            Title = Title,
            Email = List(Email),
            EmailModifier = EmailModifier,
            Phone = List(Phone),
            PhoneModifier = PhoneModifier,
            Address = Plain(Address),
            AddressModifier = AddressModifier,
            Fields = PlainDictionary(Field),
        };
    }
}
