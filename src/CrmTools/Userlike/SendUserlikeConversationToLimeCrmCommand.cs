using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using CrmTools.Engine.Userlike;
using CrmTools.LimeCrm;

namespace CrmTools.Userlike
{
    /// <summary>
    /// Send-UserlikeConversationToLimeCrm: creates the Lime CRM records of each conversation piped in or read from
    /// files, as the Userlike add-on does: the person (found by e-mail or phone first), the history note with the
    /// transcript, and the conversation record that makes a second send a no-op. Writes a summary at the end.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "UserlikeConversationToLimeCrm", DefaultParameterSetName = InputObjectSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UserlikeSendSummary))]
    public sealed class SendUserlikeConversationToLimeCrmCommand : LimeCrmCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string Activity = "Sending Userlike conversations to Lime CRM";
        private const int ProgressId = 6006;

        private readonly UserlikeSendSummary _summary = new UserlikeSendSummary();
        private readonly Stopwatch _clock = new Stopwatch();
        private readonly ProgressRecord _progress = new ProgressRecord(ProgressId, Activity, "Starting");
        private UserlikeLimeSender? _sender;
        private UserlikeInput? _input;
        private int _expected = -1;

        /// <summary>Conversations from ConvertFrom-UserlikeConversation, JSON text, objects from ConvertFrom-Json, files.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Conversation files or folders of them; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Conversation files or folders, taken exactly as written.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Changes to the default mapping: @{ History = @{ Properties = @{ type = '=comment' } } }.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Mapping { get; set; }

        /// <summary>A mapping file (.psd1 or .json) of the same shape; -Mapping is laid over it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MappingPath { get; set; }

        protected override void BeginProcessing()
        {
            _clock.Start();
            _input = new UserlikeInput(this);
            var connection = ActiveConnection;
            UserlikeLimeMapping mapping;
            try
            {
                var file = MappingPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(MappingPath);
                mapping = UserlikeMappingLoader.Load(file, Mapping);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(new ErrorRecord(ex, "Userlike.InvalidMapping", ErrorCategory.InvalidArgument, (object?)MappingPath ?? Mapping));
                return;
            }
            _sender = new UserlikeLimeSender(connection, mapping);
            try
            {
                // Checked once, before any conversation: a wrong mapping stops here with nothing written.
                Run(ct => _sender.PrepareAsync(ct));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, (object?)MappingPath ?? Mapping);
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var result in _input!.Read(InputObject)) Send(result, InputObject);
                return;
            }
            var files = _input!.ResolveFiles(ParameterSetName == PathSet ? Path : LiteralPath, literal: ParameterSetName == LiteralPathSet);
            _expected = Math.Max(_expected, 0) + files.Count;
            foreach (var file in files)
            {
                foreach (var result in _input.ReadFile(file)) Send(result, file);
            }
        }

        protected override void EndProcessing()
        {
            _summary.Duration = _clock.Elapsed;
            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
            WriteVerbose(_summary.ToString() + ".");
            base.EndProcessing();
            WriteObject(_summary);
        }

        private void Send(UserlikeReadResult read, object? target)
        {
            if (read.Conversation == null)
            {
                WriteError(UserlikeInput.ErrorFor(read.Error!, target));
                _summary.Add(UserlikeSendResult.Unreadable(read));
                Report();
                return;
            }
            var conversation = read.Conversation;
            UserlikeSendPlan plan;
            try
            {
                plan = Run(ct => _sender!.PlanAsync(conversation, ct));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, conversation);
                _summary.Add(UserlikeSendResult.Failed(conversation, ex));
                Report();
                return;
            }
            if (plan.AlreadySent)
            {
                WriteVerbose(plan.ToString() + "; skipped.");
                _summary.Add(plan.Skipped());
            }
            else if (!ShouldProcess(plan.ToString(), "Create Lime CRM records"))
            {
                _summary.Add(plan.NotSent());
            }
            else
            {
                try
                {
                    _summary.Add(Run(ct => _sender!.SendAsync(plan, ct)));
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    WriteFailure(ex, conversation);
                    _summary.Add(plan.Failed(ex));
                }
            }
            Report();
        }

        private void Report()
        {
            var done = _summary.Total;
            _progress.StatusDescription = _summary.ToString();
            _progress.CurrentOperation = _summary.Results[done - 1].Source ?? string.Empty;
            _progress.PercentComplete = _expected > 0 ? Math.Min(100, done * 100 / _expected) : -1;
            WriteProgress(_progress);
        }
    }
}
