using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Nimble.Fields;

namespace CrmTools.Nimble
{
    /// <summary>Base of the removals the service guards with a preflight check: refused while records hold values, unless -DeleteValues.</summary>
    public abstract class NimbleFieldValuesRemoveCmdlet : NimbleFieldRemoveCmdlet
    {
        /// <summary>Delete even when records hold values in it, and those values with it (preflight_checks=false).</summary>
        [Parameter]
        public SwitchParameter DeleteValues { get; set; }

        protected override bool DeletesValues => DeleteValues;

        /// <summary>Finds each contact tab, group or field by name or id (one metadata read) and deletes it.</summary>
        protected void RemoveContactItems(string[] keys, Func<NimbleContactFieldLayout, string, (string? Name, string? Id)> find,
            Func<NimbleContactFieldsApi, string, CancellationToken, Task> delete)
        {
            var api = ActiveConnection.ContactFields;
            foreach (var key in keys)
            {
                if (!TryContactLayout(key, out var layout)) return;
                (string? Name, string? Id) found = default;
                if (!TryInvoke(key, () => found = find(layout, key))) continue;
                var id = found.Id!;
                Remove(key, $"{found.Name} ({id})", ct => delete(api, id, ct));
            }
        }
    }
}
