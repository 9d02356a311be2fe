using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplClientFolder: creates client folders (also from objects, e.g. Import-Csv rows).</summary>
    [Cmdlet(VerbsCommon.New, "PplClientFolder", SupportsShouldProcess = true)]
    [OutputType(typeof(PplClientFolder))]
    public sealed class NewPplClientFolderCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>"Name: value" lines (e.g. "Address: ...") and free text.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>Owner's id or e-mail (API key only).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Name, "Create a client folder")) return;
            if (TryRun(Name, ct => connection.ClientFolders.CreateAsync(Name, Description, UserId, ct), out var folder)) WriteObject(folder);
        }
    }
}
