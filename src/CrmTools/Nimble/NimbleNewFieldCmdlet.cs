using System.Management.Automation;
using CrmTools.Engine.Nimble.Fields;

namespace CrmTools.Nimble
{
    /// <summary>Base of New-NimbleContactField and New-NimblePipelineField: name, kind, choices, group.</summary>
    public abstract class NimbleNewFieldCmdlet : NimbleFieldShapeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>What the field holds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FieldType")]
        [ValidateSet("String", "LongString", "Choice", "Number", "DateTime", "Boolean", "Address", "User", IgnoreCase = true)]
        public string Kind { get; set; } = "String";

        /// <summary>The choices of a Choice field, in order.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Choices")]
        public string[]? Choice { get; set; }

        /// <summary>Show the choices sorted alphabetically instead of in the given order.</summary>
        [Parameter]
        public SwitchParameter AlphabeticChoices { get; set; }

        /// <summary>String fields: values must be an e-mail address or a URL.</summary>
        [Parameter]
        [ValidateSet("Email", "Url", IgnoreCase = true)]
        public string? ValidationRule { get; set; }

        /// <summary>Name or id of the group the field goes into (default: none).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        protected NimbleFieldDefinition Definition() => new NimbleFieldDefinition
        {
            Kind = Kind,
            Choices = Choice,
            AlphabeticChoices = AlphabeticChoices,
            ValidationRule = ValidationRule,
            Presentation = Presentation(),
        };
    }
}
