using System;
using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleContactField: deletes a custom contact field (refused while contacts hold values, unless -DeleteValues).</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleContactField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleContactFieldCommand : NimbleFieldValuesRemoveCmdlet
    {
        /// <summary>Names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FieldId")]
        [ValidateNotNullOrEmpty]
        public string[] Field { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() =>
            RemoveContactItems(Field, (layout, key) => Pick(layout.FindField(key), x => x.Name, x => x.FieldId),
                (api, id, ct) => api.DeleteFieldAsync(id, DeleteValues, ct));
    }
}
