using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplPredefinedTag: creates predefined tags in a category.</summary>
    [Cmdlet(VerbsCommon.New, "PplPredefinedTag", SupportsShouldProcess = true)]
    [OutputType(typeof(PplPredefinedTag))]
    public sealed class NewPplPredefinedTagCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>The category's id (binds from a category object piped in).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long CategoryId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var name in Name)
            {
                if (!ShouldProcess(name, $"Create a predefined tag in category {CategoryId}")) continue;
                if (TryRun(name, ct => connection.AccountSettings.CreatePredefinedTagAsync(name, CategoryId, ct), out var tag)) WriteObject(tag);
            }
        }
    }
}
