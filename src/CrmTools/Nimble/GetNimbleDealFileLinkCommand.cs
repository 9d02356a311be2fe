using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDealFileLink: a download link of a deal file.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDealFileLink")]
    [OutputType(typeof(NimbleDealFileLink))]
    public sealed class GetNimbleDealFileLinkCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DealId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(Id, ct => connection.DealFiles.GetDownloadLinkAsync(DealId!, Id!, ct), out var link)) WriteObject(link);
        }
    }
}
