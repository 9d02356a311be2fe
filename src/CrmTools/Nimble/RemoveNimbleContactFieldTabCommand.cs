using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleContactFieldTab: deletes a contact field tab with its groups and fields (refused while contacts hold values, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContactFieldTab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleContactFieldTabCommand : NimbleFieldValuesRemoveCmdlet
    {
        /// <summary>Names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TabId")]
        [ValidateNotNullOrEmpty]
        public string[] Tab { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() =>
            RemoveContactItems(Tab, (layout, key) => Pick(layout.FindTab(key), x => x.Name, x => x.TabId),
                (api, id, ct) => api.DeleteTabAsync(id, DeleteValues, ct));
    }
}
