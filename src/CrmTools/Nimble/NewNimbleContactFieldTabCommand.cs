using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleContactFieldTab: a tab of contact fields for persons, companies or both (last unless -After or -AtStart).</summary>
    [Cmdlet(VerbsCommon.New, "NimbleContactFieldTab", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleContactFieldTab))]
    public sealed class NewNimbleContactFieldTabCommand : NimbleFieldPlacingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Which contacts show the tab: Person, Company or both (the default).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Person", "Company", IgnoreCase = true)]
        public string[] ContactType { get; set; } = { "Person", "Company" };

        protected override void ProcessRecord()
        {
            if (!TryContactLayout(Name, out var layout)) return;
            string? after = null;
            if (!TryInvoke(Name, () => after = InsertAfterForNew(a => layout.FindTab(a).TabId!, layout.LastTabId))) return;
            if (!ShouldProcess(Name!, "Create contact field tab")) return;
            var connection = ActiveConnection;
            if (!TryRun(Name, ct => connection.ContactFields.CreateTabAsync(Name!, ContactType, after, ct), out var tab)) return;
            Changed();
            if (tab != null) WriteObject(tab);
        }
    }
}
