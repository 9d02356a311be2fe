using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Remove-PplLead: deletes leads, sending the ids in batches (delete_multiple, one request per
    /// batch, not per lead) once the input has ended. Each id the service did not delete is a
    /// non-terminating error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PplLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplLeadCommand : PplCmdlet
    {
        private const int ProgressId = 3101;
        private readonly PplLeadIdBuffer _ids = new PplLeadIdBuffer();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                // The same id twice would come back as "not deleted" the second time.
                if (_ids.IsNew(id) && ShouldProcessOrForce(Force, $"Lead {id}", "Delete")) _ids.Add(id);
            }
        }

        // Deleting while Get-PplLead still pages would shift its pages and skip leads: delete once the input has ended.
        protected override void EndProcessing()
        {
            var ids = _ids.Ids;
            var connection = ids.Count > 0 ? ActiveConnection : null;
            for (var start = 0; start < ids.Count; start += PplLeadsApi.DeleteBatchSize)
            {
                var batch = ids.Skip(start).Take(PplLeadsApi.DeleteBatchSize).ToArray();
                WriteProgress(new ProgressRecord(ProgressId, "Deleting leads", $"{start} of {ids.Count}") { PercentComplete = start * 100 / ids.Count });
                DeleteBatch(connection!, batch);
            }
            if (ids.Count > 0) WriteProgress(new ProgressRecord(ProgressId, "Deleting leads", "Done") { RecordType = ProgressRecordType.Completed });
            base.EndProcessing();
        }

        private void DeleteBatch(PplConnection connection, long[] batch)
        {
            IReadOnlyList<long> notDeleted;
            try
            {
                notDeleted = Run(ct => connection.Leads.DeleteBatchAsync(batch, ct));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                // The whole batch failed: each of its leads is reported, so the caller knows exactly which to retry.
                foreach (var id in batch) WriteFailure(ex, id);
                return;
            }
            foreach (var id in notDeleted)
            {
                WriteFailure(new CrmException(PplConnection.ServicePrefix, CrmErrorKind.NotFound,
                    $"The service did not delete lead {id}: it no longer exists, or this connection may not delete it.")
                {
                    Resource = "Lead",
                    ErrorId = "LeadNotDeleted",
                }, id);
            }
        }
    }
}
