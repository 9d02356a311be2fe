using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContactFieldChoice: adds choices to a contact choice field (last unless -After or -AtStart).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContactFieldChoice", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactField))]
    public sealed class NewNimbleContactFieldChoiceCommand : NimbleChoiceCmdlet
    {
        /// <summary>The choices' texts, in order.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Value { get; set; } = System.Array.Empty<string>();

        /// <summary>The id of the new choice (one -Value only); by default the next free number.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ChoiceId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Field, out var layout)) return;
            NimbleContactField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(Field!))) return;
            var api = ActiveConnection.ContactFields;
            AddChoices(field!.Name ?? Field!, field.Kind, field.Choices, Value, ChoiceId,
                (id, value, after, ct) => api.AddChoiceAsync(field.FieldId!, id, value, after, ct), WriteObject);
        }
    }
}
