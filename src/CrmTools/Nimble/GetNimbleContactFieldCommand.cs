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
            var names = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var tab = Tab == null ? null : new WildcardPattern(Tab, WildcardOptions.IgnoreCase);
            var group = Group == null ? null : new WildcardPattern(Group, WildcardOptions.IgnoreCase);
            foreach (var f in layout.Fields)
            {
                if (names != null && !names.Any(p => p.IsMatch(f.Name ?? string.Empty))) continue;
                if (tab != null && !tab.IsMatch(f.Tab ?? string.Empty) && !tab.IsMatch(f.TabId ?? string.Empty)) continue;
                if (group != null && !group.IsMatch(f.Group ?? string.Empty) && !group.IsMatch(f.GroupId ?? string.Empty)) continue;
                WriteObject(f);
            }
        }
    }
}
