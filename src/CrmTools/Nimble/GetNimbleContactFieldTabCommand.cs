using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactFieldTab: the tabs contact fields are arranged in.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactFieldTab")]
    [OutputType(typeof(NimbleContactFieldTab))]
    public sealed class GetNimbleContactFieldTabCommand : NimbleFieldCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(null, out var layout)) return;
            var names = Patterns(Name);
            foreach (var t in layout.Tabs)
            {
                if (Matches(names, t.Name, t.TabId)) WriteObject(t);
            }
        }
    }
}
