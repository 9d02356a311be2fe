using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Remove-PplLead: deletes leads, sending the ids in batches (delete_multiple, one request per
    /// batch, not per lead). Each id the service did not delete is a non-terminating error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PplLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePplLeadCommand : PplCmdlet
    {
        private const int ProgressId = 3101;
        private readonly List<long> _pending = new List<long>();
        private readonly HashSet<long> _seen = new HashSet<long>();
        private int _sent;

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
                if (!_seen.Add(id)) continue;
                if (!ShouldChange($"Lead {id}", "Delete", Force)) continue;
                _pending.Add(id);
                if (_pending.Count == PplLeadsApi.DeleteBatchSize) SendPending();
            }
        }

        protected override void EndProcessing()
        {
            SendPending();
            if (_sent > 0) WriteProgress(new ProgressRecord(ProgressId, "Deleting leads", "Done") { RecordType = ProgressRecordType.Completed });
            base.EndProcessing();
        }

        private void SendPending()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            var connection = ActiveConnection;
            WriteProgress(new ProgressRecord(ProgressId, "Deleting leads", $"{_sent} sent, deleting {batch.Length} more"));
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
            finally
            {
                _sent += batch.Length;
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
