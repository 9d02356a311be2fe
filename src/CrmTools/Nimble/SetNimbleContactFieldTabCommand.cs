using System.Management.Automation;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactFieldTab: renames a tab, changes which contacts show it, or moves it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactFieldTab", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactFieldTab))]
    public sealed class SetNimbleContactFieldTabCommand : NimbleFieldPlacingCmdlet
    {
        /// <summary>Name or id of the tab.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TabId")]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        [ValidateSet("Person", "Company", IgnoreCase = true)]
        public string[]? ContactType { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Tab, out var layout)) return;
            NimbleContactFieldTab? tab = null;
            var insertAfter = NimbleOptionalId.Unset;
            if (!TryInvoke(Tab, () =>
                {
                    tab = layout.FindTab(Tab!);
                    insertAfter = InsertAfterForChange(a => layout.FindTab(a).TabId!);
                }))
            {
                return;
            }
            if (!ShouldProcess(tab!.Name ?? Tab!, "Update contact field tab")) return;
            var connection = ActiveConnection;
            if (!TryRun(Tab, ct => connection.ContactFields.UpdateTabAsync(tab.TabId!, NewName, ContactType, insertAfter, ct), out var updated)) return;
            Changed();
            if (updated != null) WriteObject(updated);
        }
    }
}
