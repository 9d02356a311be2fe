using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Add-PplProspect: appends prospects to a prospecting list. Objects are placed by column name,
    /// arrays by position; everything is checked against the list first, then sent 100 per request.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PplProspect", SupportsShouldProcess = true)]
    [OutputType(typeof(PplProspect))]
    public sealed class AddPplProspectCommand : PplCmdlet
    {
        private const int ProgressId = 3102;
        private readonly List<PplProspectRecord> _records = new List<PplProspectRecord>();

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectingListId { get; set; }

        /// <summary>The prospects: objects or arrays, from the pipeline or as an array.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [Alias("Content")]
        [AllowEmptyCollection]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                if (item != null) _records.Add(PplProspectInput.From(item));
            }
        }

        protected override void EndProcessing()
        {
            if (_records.Count > 0 && ShouldProcess($"Prospecting list {ProspectingListId}", $"Add {_records.Count} prospect(s)")) Upload();
            base.EndProcessing();
        }

        private void Upload()
        {
            var connection = ActiveConnection;
            if (!TryRun(ProspectingListId, ct => connection.Prospecting.PrepareUploadAsync(ProspectingListId, _records, ct), out var upload)) return;
            foreach (var chunk in upload.Chunks)
            {
                WriteProgress(new ProgressRecord(ProgressId, "Adding prospects", $"{chunk.Start} of {upload.Total}")
                {
                    PercentComplete = chunk.Start * 100 / upload.Total,
                });
                IReadOnlyList<PplProspect> added;
                try
                {
                    added = Run(ct => connection.Prospecting.AddChunkAsync(upload, chunk, ct));
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    // One error per prospect of the failed request: the caller sees exactly what to send again.
                    foreach (var record in chunk.Records) WriteFailure(ex, record.Source);
                    continue;
                }
                WriteAll(added);
            }
            WriteProgress(new ProgressRecord(ProgressId, "Adding prospects", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
