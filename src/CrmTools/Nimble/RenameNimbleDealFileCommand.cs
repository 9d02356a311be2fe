using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Rename-NimbleDealFile: renames a file uploaded to a deal.</summary>
    [Cmdlet(VerbsCommon.Rename, "NimbleDealFile", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class RenameNimbleDealFileCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>The file's new name.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Id, "Rename Nimble deal file to '" + NewName + "'")) return;
            TryRun(Id, ct => connection.DealFiles.RenameAsync(DealId!, Id!, NewName!, ct));
        }
    }
}
