using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplField: adds a description field to leads or client folders.</summary>
    [Cmdlet(VerbsCommon.New, "PplField", SupportsShouldProcess = true)]
    [OutputType(typeof(PplField))]
    public sealed class NewPplFieldCommand : PplCmdlet
    {
        /// <summary>The field's name (at most 32 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 32)]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("lead", "client", IgnoreCase = true)]
        public string ParentType { get; set; } = "lead";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("unset", "email", "phone", "mobile", "address", "web", "first_name", "last_name", "full_name", "job", "fax", "vat",
            "city", "zipcode", "state", "country", "company_id", "custom1", "custom2", "custom3", "custom4", "custom5", IgnoreCase = true)]
        public string? Type { get; set; }

        /// <summary>Use the field to detect duplicate leads.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IsKey { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Name, $"Create a {ParentType} field")) return;
            bool? isKey = MyInvocation.BoundParameters.ContainsKey(nameof(IsKey)) ? IsKey.IsPresent : (bool?)null;
            if (TryRun(Name, ct => connection.AccountSettings.CreateFieldAsync(Name, ParentType, Type, isKey, ct), out var field)) WriteObject(field);
        }
    }
}
