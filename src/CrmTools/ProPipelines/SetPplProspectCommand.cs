using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Set-PplProspect: replaces a prospect's cells.</summary>
    [Cmdlet(VerbsCommon.Set, "PplProspect", SupportsShouldProcess = true)]
    [OutputType(typeof(PplProspect))]
    public sealed class SetPplProspectCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectingListId { get; set; }

        /// <summary>The prospect's id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ProspectId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new cells, in the list's column order (every cell: the prospect is replaced).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [AllowEmptyString]
        [AllowNull]
        public string?[] Content { get; set; } = Array.Empty<string?>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess($"Prospect {Id} of prospecting list {ProspectingListId}", "Replace the cells")) return;
            if (TryRun(Id, ct => connection.Prospecting.UpdateProspectAsync(ProspectingListId, Id, Content, ct), out var prospect) && PassThru) WriteObject(prospect);
        }
    }
}
