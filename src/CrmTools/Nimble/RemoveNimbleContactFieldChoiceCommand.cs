using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleContactFieldChoice: deletes choices of a contact field (refused while contacts hold them, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContactFieldChoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleContactFieldChoiceCommand : NimbleChoiceRemoveCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Field, out var layout)) return;
            NimbleContactField? field = null;
            if (!TryInvoke(Field, () => field = layout.FindField(Field!))) return;
            var api = ActiveConnection.ContactFields;
            RemoveChoices(field!.Name ?? Field!, field.Kind, field.Choices, Choice, Force, DeleteValues,
                (id, ct) => api.DeleteChoiceAsync(field.FieldId!, id, DeleteValues, ct));
        }
    }
}
