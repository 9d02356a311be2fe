using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Base of Remove-NimbleContactFieldChoice and Remove-NimblePipelineFieldChoice: the field, its choices, -DeleteValues, -Force.</summary>
    public abstract class NimbleChoiceRemoveCmdlet : NimbleFieldCmdlet
    {
        /// <summary>Name or id of the choice field.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        /// <summary>Ids or texts of the choices.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("ChoiceId")]
        [ValidateNotNullOrEmpty]
        public string[] Choice { get; set; } = System.Array.Empty<string>();

        /// <summary>Delete even when records hold the choice, removing it from them (preflight_checks false).</summary>
        [Parameter]
        public SwitchParameter DeleteValues { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }
    }
}
