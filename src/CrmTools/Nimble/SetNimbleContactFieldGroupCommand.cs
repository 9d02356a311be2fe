using System.Management.Automation;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactFieldGroup: renames a group, changes its logo, or moves it (to another tab or position).</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactFieldGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactFieldGroup))]
    public sealed class SetNimbleContactFieldGroupCommand : NimbleFieldPlacingCmdlet
    {
        /// <summary>Name or id of the group.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        public string? LogoId { get; set; }

        /// <summary>Move the group to this tab (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Group, out var layout)) return;
            NimbleContactFieldGroup? group = null;
            string? tabId = null;
            var insertAfter = NimbleOptionalId.Unset;
            if (!TryInvoke(Group, () =>
                {
                    group = layout.FindGroup(Group!);
                    var target = Tab != null ? layout.FindTab(Tab) : layout.FindTab(group.TabId!);
                    if (Tab != null) tabId = target.TabId;
                    insertAfter = InsertAfterForMove(a => layout.FindMemberId(a, target), target.TabId != group.TabId, layout.LastMemberId(target, null));
                }))
            {
                return;
            }
            if (!ShouldProcess(group!.Name ?? Group!, "Update contact field group")) return;
            var connection = ActiveConnection;
            if (!TryRun(Group, ct => connection.ContactFields.UpdateGroupAsync(group.GroupId!, NewName, LogoId, tabId, insertAfter, ct), out var updated)) return;
            Changed();
            if (updated != null) WriteObject(updated);
        }
    }
}
