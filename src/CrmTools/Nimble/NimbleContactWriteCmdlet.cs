using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Contacts;

namespace CrmTools.Nimble
{
    /// <summary>
    /// The contact field parameters New-NimbleContact and Set-NimbleContact share. The common fields are declared by
    /// each command: New-NimbleContact binds them from piped objects by property name (Import-Csv), Set-NimbleContact
    /// does not (a piped contact must not write its own values back).
    /// </summary>
    public abstract class NimbleContactWriteCmdlet : NimbleCmdlet
    {
        public abstract string? FirstName { get; set; }

        public abstract string? LastName { get; set; }

        public abstract string? CompanyName { get; set; }

        public abstract string? Title { get; set; }

        public abstract string[]? Email { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string EmailModifier { get; set; } = "work";

        public abstract string[]? Phone { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PhoneModifier { get; set; } = "work";

        /// <summary>A hashtable with street, city, state, zip, country (or Nimble's address text).</summary>
        public abstract object? Address { get; set; }

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
