using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactField: the account's contact fields with their modifiers, kinds and choices.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactField")]
    [OutputType(typeof(NimbleContactField))]
    public sealed class GetNimbleContactFieldCommand : NimbleFieldCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only the fields of this tab (name or id, wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        /// <summary>Only the fields of this group (name or id, wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(null, out var layout)) return;
            var names = Patterns(Name);
            var tab = Tab == null ? null : Patterns(Tab);
            var group = Group == null ? null : Patterns(Group);
            foreach (var f in layout.Fields)
            {
                if (Matches(names, f.Name) && Matches(tab, f.Tab, f.TabId) && Matches(group, f.Group, f.GroupId)) WriteObject(f);
            }
        }
    }
}
