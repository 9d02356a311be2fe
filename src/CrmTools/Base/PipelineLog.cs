using System.Collections.Concurrent;
using System.Management.Automation;
using CrmTools.Engine.Diagnostics;

namespace CrmTools.Base
{
    /// <summary>
    /// The engine's log for one command invocation. The engine may log from any thread; the
    /// messages wait in a queue until the cmdlet drains them on the pipeline thread, the only
    /// thread allowed to write to PowerShell's streams.
    /// </summary>
    internal sealed class PipelineLog : ICrmLog
    {
        private readonly BlockingCollection<Message> _queue = new BlockingCollection<Message>();

        public PipelineLog(bool verbose, bool debug)
        {
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }

        public bool IsDebugEnabled { get; }

        public void Verbose(string message) => _queue.Add(new Message(Kind.Verbose, message, null));

        public void Debug(string message) => _queue.Add(new Message(Kind.Debug, message, null));

        public void Warning(string message) => _queue.Add(new Message(Kind.Warning, message, null));

        public void Progress(CrmProgress progress) => _queue.Add(new Message(Kind.Progress, null, progress));

        /// <summary>Wakes a waiting <see cref="WaitAndDrain"/> (when the awaited work completes).</summary>
        public void Wake() => _queue.Add(new Message(Kind.Wake, null, null));

        /// <summary>Writes whatever is queued, waiting up to <paramref name="millisecondsTimeout"/> for the first message.</summary>
        public void WaitAndDrain(Cmdlet cmdlet, int progressId, int millisecondsTimeout)
        {
            if (_queue.TryTake(out var first, millisecondsTimeout))
            {
                Write(cmdlet, progressId, first);
                Drain(cmdlet, progressId);
            }
        }

        public void Drain(Cmdlet cmdlet, int progressId)
        {
            while (_queue.TryTake(out var message)) Write(cmdlet, progressId, message);
        }

        private static void Write(Cmdlet cmdlet, int progressId, Message message)
        {
            switch (message.Kind)
            {
                case Kind.Verbose:
                    cmdlet.WriteVerbose(message.Text);
                    break;
                case Kind.Debug:
                    cmdlet.WriteDebug(message.Text);
                    break;
                case Kind.Warning:
                    cmdlet.WriteWarning(message.Text);
                    break;
                case Kind.Progress:
                    var p = message.Progress!;
                    var record = new ProgressRecord(progressId, p.Activity, string.IsNullOrEmpty(p.Status) ? "..." : p.Status)
                    {
                        PercentComplete = p.PercentComplete,
                        RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                    };
                    cmdlet.WriteProgress(record);
                    break;
            }
        }

        private enum Kind
        {
            Verbose,
            Debug,
            Warning,
            Progress,
            Wake,
        }

        private readonly struct Message
        {
            public Message(Kind kind, string? text, CrmProgress? progress)
            {
                Kind = kind;
                Text = text;
                Progress = progress;
            }

            public Kind Kind { get; }
            public string? Text { get; }
            public CrmProgress? Progress { get; }
        }
    }
}
