using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactFieldGroup: the groups of contact fields, with their tab and fields.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactFieldGroup")]
    [OutputType(typeof(NimbleContactFieldGroup))]
    public sealed class GetNimbleContactFieldGroupCommand : NimbleFieldCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only the groups of this tab (name or id, wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Tab { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(null, out var layout)) return;
            var names = Patterns(Name);
            var tab = Tab == null ? null : Patterns(Tab);
            foreach (var g in layout.Groups)
            {
                if (Matches(names, g.Name, g.GroupId) && Matches(tab, g.Tab, g.TabId)) WriteObject(g);
            }
        }
    }
}
