using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>
    /// Base of New-/Set-Nimble*FieldChoice: the same steps for contact and pipeline fields, with the service call
    /// passed in. New choices get the next free id unless -ChoiceId says otherwise, and several values go in the
    /// order given.
    /// </summary>
    public abstract class NimbleChoiceCmdlet : NimbleFieldPlacingCmdlet
    {
        /// <summary>Name or id of the choice field.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        /// <summary>Adds <paramref name="values"/> to a choice field, each after the one before; writes the field as it is afterwards.</summary>
        protected void AddChoices<TField>(string fieldName, string? kind, IReadOnlyList<NimbleFieldChoice> existing, string[] values, string? choiceId,
            Func<string, string, string?, CancellationToken, Task<TField?>> add, Action<TField> write) where TField : class
        {
            var ids = existing.Select(c => c.Id).ToList();
            string? after = null;
            if (!TryInvoke(Field, () =>
                {
                    CheckChoiceField(fieldName, kind);
                    if (choiceId != null && values.Length != 1) throw new CrmValidationException("Nimble", "ChoiceId", "-ChoiceId names one choice: give one -Value with it.");
                    var taken = NimbleChoices.Check(values, "Value").FirstOrDefault(v => existing.Any(c => string.Equals(c.Value, v, StringComparison.OrdinalIgnoreCase)));
                    if (taken != null) throw new CrmValidationException("Nimble", "Value", $"The field '{fieldName}' already has the choice '{taken}'.");
                    after = InsertAfterForNew(a => NimbleChoices.Find(existing, a, fieldName).Id, ids.LastOrDefault());
                }))
            {
                return;
            }
            TField? last = null;
            foreach (var value in values)
            {
                var id = choiceId ?? NimbleChoices.NextId(ids);
                if (!ShouldProcess(fieldName, $"Add choice '{value}'")) continue;
                var previous = after;
                if (!TryRun(value, ct => add(id, value.Trim(), previous, ct), out var field)) continue;
                Changed();
                ids.Add(id);
                after = id;
                last = field ?? last;
            }
            if (last != null) write(last);
        }

        /// <summary>Renames or moves one choice; writes the field as it is afterwards.</summary>
        protected void ChangeChoice<TField>(string fieldName, string? kind, IReadOnlyList<NimbleFieldChoice> existing, string choice, string? newValue,
            Func<string, string?, NimbleOptionalId, CancellationToken, Task<TField?>> update, Action<TField> write) where TField : class
        {
            NimbleFieldChoice? found = null;
            var insertAfter = NimbleOptionalId.Unset;
            if (!TryInvoke(choice, () =>
                {
                    CheckChoiceField(fieldName, kind);
                    found = NimbleChoices.Find(existing, choice, fieldName);
                    insertAfter = InsertAfterForChange(a => NimbleChoices.Find(existing, a, fieldName).Id);
                    if (newValue == null && !insertAfter.IsSet) throw new CrmValidationException("Nimble", "NewValue", "Nothing to change: give -NewValue, -After or -AtStart.");
                }))
            {
                return;
            }
            if (!ShouldProcess($"{fieldName} / {found!.Value}", "Update choice")) return;
            if (!TryRun(choice, ct => update(found.Id, newValue, insertAfter, ct), out var field)) return;
            Changed();
            if (field != null) write(field);
        }
    }
}
