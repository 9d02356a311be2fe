using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContactFieldGroup: a group of contact fields in a tab (last unless -After or -AtStart).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContactFieldGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactFieldGroup))]
    public sealed class NewNimbleContactFieldGroupCommand : NimbleFieldPlacingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Name or id of the tab.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        /// <summary>The icon Nimble shows for the group.</summary>
        [Parameter]
        public string? LogoId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Name, out var layout)) return;
            NimbleContactFieldTab? tab = null;
            string? after = null;
            if (!TryInvoke(Name, () =>
                {
                    tab = layout.FindTab(Tab!);
                    after = InsertAfterForNew(a => layout.FindMemberId(a, tab), layout.LastMemberId(tab, null));
                }))
            {
                return;
            }
            if (!ShouldProcess(tab!.Name ?? Tab!, $"Create contact field group '{Name}'")) return;
            var connection = ActiveConnection;
            if (!TryRun(Name, ct => connection.ContactFields.CreateGroupAsync(Name!, tab.TabId!, LogoId, after, ct), out var group)) return;
            Changed();
            if (group != null) WriteObject(group);
        }
    }
}
