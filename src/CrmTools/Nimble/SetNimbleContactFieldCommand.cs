using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimbleContactField: renames a contact field, moves it (tab, group, position) or changes how its values show.</summary>
    [Cmdlet(VerbsCommon.Set, "NimbleContactField", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactField))]
    public sealed class SetNimbleContactFieldCommand : NimbleFieldShapeCmdlet
    {
        /// <summary>Name or id of the field.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Move the field to this tab (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        /// <summary>Move the field into this group (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        /// <summary>Take the field out of its group.</summary>
        [Parameter]
        public SwitchParameter NoGroup { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Field, out var layout)) return;
            NimbleContactField? field = null;
            var change = new NimbleContactFieldChange { Name = NewName, Presentation = Presentation() };
            if (!TryInvoke(Field, () =>
                {
                    if (Group != null && NoGroup) throw new CrmValidationException("Nimble", "NoGroup", "Give -Group or -NoGroup, not both.");
                    field = layout.FindField(Field!);
                    var tab = Tab != null ? layout.FindTab(Tab) : null;
                    var group = Group != null ? layout.FindGroup(Group, tab) : null;
                    if (tab != null) change.TabId = tab.TabId;
                    else if (group != null && group.TabId != field.TabId) change.TabId = group.TabId;
                    // A move to another tab without -Group leaves the field's group (groups belong to one tab).
                    var leavesGroup = NoGroup || (change.TabId != null && change.TabId != field.TabId && field.GroupId != null);
                    change.GroupId = group != null ? NimbleOptionalId.Of(group.GroupId!) : leavesGroup ? NimbleOptionalId.Null : NimbleOptionalId.Unset;
                    change.Kind = field.Kind;
                    var target = layout.FindTab(change.TabId ?? field.TabId!);
                    var moved = (group != null && group.GroupId != field.GroupId) || (change.TabId != null && change.TabId != field.TabId) || (leavesGroup && field.GroupId != null);
                    change.InsertAfter = InsertAfterForMove(a => layout.FindMemberId(a, target), moved, layout.LastMemberId(target, group));
                }))
            {
                return;
            }
            if (!ShouldProcess(field!.Name ?? Field!, "Update contact field")) return;
            var connection = ActiveConnection;
            if (!TryRun(Field, ct => connection.ContactFields.UpdateFieldAsync(field.FieldId!, change, ct), out var updated)) return;
            Changed();
            if (updated != null) WriteObject(updated);
        }
    }
}
