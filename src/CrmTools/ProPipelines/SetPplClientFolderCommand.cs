using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplClientFolder: renames, redescribes, activates or deactivates client folders.</summary>
    [Cmdlet(VerbsCommon.Set, "PplClientFolder", SupportsShouldProcess = true)]
    [OutputType(typeof(PplClientFolder))]
    public sealed class SetPplClientFolderCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>$false deactivates the folder, $true activates it.</summary>
        [Parameter]
        public bool? IsActive { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                if (!ShouldProcess($"Client folder {id}", "Update")) continue;
                if (TryRun(id, ct => connection.ClientFolders.UpdateAsync(id, Name, Description, IsActive, ct), out var folder) && PassThru) WriteObject(folder);
            }
        }
    }
}
