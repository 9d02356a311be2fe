using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Save-PplLeadAttachment: downloads lead files into a folder.</summary>
    [Cmdlet(VerbsData.Save, "PplLeadAttachment", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SavePplLeadAttachmentCommand : PplCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long LeadId { get; set; }

        /// <summary>The attachment's id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AttachmentId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The file name to write (from the attachment when piped; else taken from the download link).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The attachment's kind when piped: only kind "attachment" can be downloaded.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? Kind { get; set; }

        /// <summary>The folder to save into (created if missing); the current folder by default.</summary>
        [Parameter(Position = 2)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Overwrites a file of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (Kind != null && !string.Equals(Kind, "attachment", StringComparison.OrdinalIgnoreCase))
            {
                WriteFailure(new CrmValidationException("Ppl", "Id", $"Attachment {Id} is a {Kind}: only files of kind 'attachment' can be downloaded."), Id);
                return;
            }
            string folder;
            try
            {
                folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination ?? SessionState.Path.CurrentFileSystemLocation.Path);
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, Destination);
                return;
            }
            var path = System.IO.Path.Combine(folder, SafeFileName(Name ?? $"attachment-{Id}"));
            if (File.Exists(path) && !Force)
            {
                WriteFailure(new IOException($"'{path}' exists: give -Force to overwrite it."), Id);
                return;
            }
            if (!ShouldProcess(path, $"Save attachment {Id} of lead {LeadId}")) return;
            if (TryRun(Id, ct => connection.Attachments.DownloadAsync(LeadId, Id, path, ct))) WriteObject(new FileInfo(path));
        }

        private static string SafeFileName(string name)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':' }).ToArray();
            var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim().TrimStart('.');
            return safe.Length == 0 ? "attachment" : safe;
        }
    }
}
