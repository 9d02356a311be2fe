using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Add-PplLeadAttachment: uploads files to a lead.</summary>
    [Cmdlet(VerbsCommon.Add, "PplLeadAttachment", SupportsShouldProcess = true)]
    [OutputType(typeof(PplAttachment))]
    public sealed class AddPplLeadAttachmentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, long.MaxValue)]
        public long LeadId { get; set; }

        /// <summary>Files to upload; accepts Get-ChildItem output.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var given in Path)
            {
                string file;
                try
                {
                    file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    WriteFailure(ex, given);
                    continue;
                }
                if (!ShouldProcess($"Lead {LeadId}", $"Upload {file}")) continue;
                if (TryRun(given, ct => connection.Attachments.AddAsync(LeadId, file, ct), out var attachment)) WriteObject(attachment);
            }
        }
    }
}
