using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleContactFieldGroup: deletes a contact field group and its fields (refused while contacts hold values, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContactFieldGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleContactFieldGroupCommand : NimbleFieldValuesRemoveCmdlet
    {
        /// <summary>Names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string[] Group { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() =>
            RemoveContactItems(Group, (layout, key) => Pick(layout.FindGroup(key), x => x.Name, x => x.GroupId),
                (api, id, ct) => api.DeleteGroupAsync(id, DeleteValues, ct));
    }
}
