using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContactField: a custom contact field in a tab (and group), last unless -After or -AtStart says otherwise.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContactField", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactField))]
    public sealed class NewNimbleContactFieldCommand : NimbleNewFieldCmdlet
    {
        /// <summary>Name or id of the tab (default: the tab of -Group).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        /// <summary>The field holds several values.</summary>
        [Parameter]
        public SwitchParameter Multiple { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Name, out var layout)) return;
            NimbleContactFieldTab? tab = null;
            NimbleContactFieldGroup? group = null;
            string? after = null;
            var definition = Definition();
            if (!TryInvoke(Name, () =>
                {
                    if (Tab == null && Group == null) throw new CrmValidationException("Nimble", "Tab", "Give -Tab (and optionally -Group) for the new field.");
                    tab = Tab != null ? layout.FindTab(Tab) : null;
                    group = Group != null ? layout.FindGroup(Group, tab) : null;
                    tab ??= layout.FindTab(group!.TabId!);
                    definition.Validate();
                    after = InsertAfterForNew(a => layout.FindMemberId(a, tab), layout.LastMemberId(tab, group));
                }))
            {
                return;
            }
            if (!ShouldProcess(tab!.Name + (group != null ? " / " + group.Name : string.Empty), $"Create contact field '{Name}' ({definition.Kind})")) return;
            var connection = ActiveConnection;
            if (!TryRun(Name, ct => connection.ContactFields.CreateFieldAsync(Name!, tab.TabId!, group?.GroupId, definition, Multiple, after, ct), out var field)) return;
            Changed();
            if (field != null) WriteObject(field);
        }
    }
}
