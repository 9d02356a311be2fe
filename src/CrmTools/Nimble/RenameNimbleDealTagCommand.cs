using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Rename-NimbleDealTag: renames a deal tag on every deal that has it.</summary>
    [Cmdlet(VerbsCommon.Rename, "NimbleDealTag", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class RenameNimbleDealTagCommand : NimbleCmdlet
    {
        /// <summary>The tag's current name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The tag's new name.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(Name, "Rename Nimble deal tag to '" + NewName + "'")) return;
            TryRun(Name, ct => connection.Deals.RenameTagAsync(Name!, NewName!, ct));
        }
    }
}
