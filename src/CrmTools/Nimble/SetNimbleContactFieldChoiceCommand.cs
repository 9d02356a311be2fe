using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactFieldChoice: renames a choice of a contact field (contacts holding it follow) or moves it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactFieldChoice", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactField))]
    public sealed class SetNimbleContactFieldChoiceCommand : NimbleChoiceCmdlet
    {
        /// <summary>Id or text of the choice.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ChoiceId")]
        [ValidateNotNullOrEmpty]
        public string? Choice { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewValue { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Field, out var layout)) return;
            NimbleContactField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(Field!))) return;
            var api = ActiveConnection.ContactFields;
            ChangeChoice(field!.Name ?? Field!, field.Kind, field.Choices, Choice!, NewValue,
                (id, value, after, ct) => api.UpdateChoiceAsync(field.FieldId!, id, value, after, ct), WriteObject);
        }
    }
}
