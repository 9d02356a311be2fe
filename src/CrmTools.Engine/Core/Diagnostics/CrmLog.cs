using System;
using System.Threading;

namespace CrmTools.Engine.Diagnostics
{
    /// <summary>
    /// Where the engine reports what it is doing. The cmdlet base implements it by queueing
    /// messages that it writes to the PowerShell streams on the pipeline thread; the engine
    /// never touches PowerShell itself.
    /// </summary>
    public interface ICrmLog
    {
        bool IsVerboseEnabled { get; }
        bool IsDebugEnabled { get; }
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
        void Progress(CrmProgress progress);
    }

    /// <summary>Progress of long work (bulk writes, paging, draining a feed).</summary>
    public sealed class CrmProgress
    {
        public CrmProgress(string activity, string status, int percentComplete = -1, bool completed = false)
        {
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public bool Completed { get; }
    }

    /// <summary>
    /// The log of the current logical operation. It flows with async calls (AsyncLocal), so a
    /// connection shared by several runspaces logs each request to the runspace that made it.
    /// Every message is scrubbed of secrets here, once, whoever wrote it.
    /// </summary>
    public static class CrmLog
    {
        private static readonly AsyncLocal<ICrmLog?> CurrentLog = new AsyncLocal<ICrmLog?>();

        public static ICrmLog? Current => CurrentLog.Value;

        /// <summary>Makes <paramref name="log"/> current until the returned scope is disposed.</summary>
        public static IDisposable Use(ICrmLog? log)
        {
            var previous = CurrentLog.Value;
            CurrentLog.Value = log;
            return new Scope(previous);
        }

        public static bool IsVerboseEnabled => CurrentLog.Value?.IsVerboseEnabled ?? false;

        public static bool IsDebugEnabled => CurrentLog.Value?.IsDebugEnabled ?? false;

        public static void Verbose(string message)
        {
            var log = CurrentLog.Value;
            if (log != null && log.IsVerboseEnabled) log.Verbose(Redactor.Scrub(message));
        }

        public static void Debug(string message)
        {
            var log = CurrentLog.Value;
            if (log != null && log.IsDebugEnabled) log.Debug(Redactor.Scrub(message));
        }

        public static void Warning(string message) => CurrentLog.Value?.Warning(Redactor.Scrub(message));

        public static void Progress(CrmProgress progress) => CurrentLog.Value?.Progress(progress);

        private sealed class Scope : IDisposable
        {
            private readonly ICrmLog? _previous;
            public Scope(ICrmLog? previous) => _previous = previous;
            public void Dispose() => CurrentLog.Value = _previous;
        }
    }
}
