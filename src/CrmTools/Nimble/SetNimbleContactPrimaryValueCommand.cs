using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>
    /// Set-NimbleContactPrimaryValue: marks one value of a contact's field (an e-mail address, a phone number, ...)
    /// as the primary one, given by its text or position; -Clear removes the mark.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactPrimaryValue", SupportsShouldProcess = true, DefaultParameterSetName = ByValue)]
    [OutputType(typeof(NimbleContact))]
    public sealed class SetNimbleContactPrimaryValueCommand : NimbleFieldCmdlet
    {
        private const string ByValue = "ByValue";
        private const string ByPosition = "ByPosition";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? ContactId { get; set; }

        /// <summary>The field's name (email, phone, ...) or id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        /// <summary>The value to mark, as the contact holds it (case-insensitive).</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = ByValue)]
        [ValidateNotNullOrEmpty]
        public string? Value { get; set; }

        /// <summary>The value's position among the field's values (0 is the first).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPosition)]
        [ValidateRange(0, int.MaxValue)]
        public int Position { get; set; }

        /// <summary>Remove the primary mark instead of setting it.</summary>
        [Parameter]
        public SwitchParameter Clear { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var id = ContactId!;
            if (!TryRun(id, ct => connection.Contacts.GetAsync(id, ct), out var contact)) return;
            var values = contact.Values(Field!);
            string? fieldId = null;
            var position = 0;
            if (!TryInvoke(id, () =>
                {
                    if (values.Count == 0) throw new CrmValidationException("Nimble", "Field", $"The contact '{contact.Name}' has no '{Field}' value.");
                    if (ParameterSetName == ByValue)
                    {
                        position = values.ToList().FindIndex(v => string.Equals(v.Value?.Trim(), Value!.Trim(), StringComparison.OrdinalIgnoreCase));
                        if (position < 0)
                        {
                            throw new CrmValidationException("Nimble", "Value",
                                $"The contact's '{Field}' has no value '{Value}'. Its values: {string.Join(", ", values.Select(v => v.Value))}.");
                        }
                    }
                    else
                    {
                        position = Position;
                        if (position >= values.Count) throw new CrmValidationException("Nimble", "Position", $"The contact's '{Field}' has {values.Count} value(s): positions 0 to {values.Count - 1}.");
                    }
                    fieldId = values[position].FieldId;
                }))
            {
                return;
            }
            if (string.IsNullOrEmpty(fieldId))
            {
                // The contact's values did not carry their field's id: take it from the fields metadata.
                if (!TryContactLayout(id, out var layout) || !TryInvoke(id, () => fieldId = layout.FindField(Field!).FieldId)) return;
            }
            var value = values[position].Value;
            if (!ShouldProcess($"{contact.Name} / {Field} '{value}'", Clear ? "Remove primary mark" : "Mark as primary")) return;
            if (!TryRun(id, ct => connection.Contacts.SetPrimaryAsync(id, fieldId!, position, !Clear, ct))) return;
            if (TryRun(id, ct => connection.Contacts.GetAsync(id, ct), out var updated)) WriteObject(updated);
        }
    }
}
