using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplCategory: creates categories of predefined tags.</summary>
    [Cmdlet(VerbsCommon.New, "PplCategory", SupportsShouldProcess = true)]
    [OutputType(typeof(PplCategory))]
    public sealed class NewPplCategoryCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var name in Name)
            {
                if (!ShouldProcess(name, "Create a category")) continue;
                if (TryRun(name, ct => connection.AccountSettings.CreateCategoryAsync(name, ct), out var category)) WriteObject(category);
            }
        }
    }
}
