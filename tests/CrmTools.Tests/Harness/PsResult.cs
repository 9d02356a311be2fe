using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using CrmTools.Hosting;

namespace CrmTools.Tests.Harness
{
    /// <summary>Everything one <see cref="PsSession.Run"/> produced, stream by stream.</summary>
    public sealed class PsResult
    {
        internal PsResult(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, ErrorRecord? terminatingError,
            bool stopped, IReadOnlyList<string> verbose, IReadOnlyList<string> debug, IReadOnlyList<string> warning,
            IReadOnlyList<string> information, IReadOnlyList<ProgressRecord> progress, string hostText)
        {
            Output = output;
            Errors = errors;
            TerminatingError = terminatingError;
            Stopped = stopped;
            Verbose = verbose;
            Debug = debug;
            Warning = warning;
            Information = information;
            Progress = progress;
            HostText = hostText;
        }

        /// <summary>Objects written to the output stream, in order (also those written before a stop or a throw).</summary>
        public IReadOnlyList<PSObject> Output { get; }

        /// <summary>Every error: the non-terminating ones, then the terminating one if the script ended with one.</summary>
        public IReadOnlyList<ErrorRecord> Errors { get; }

        /// <summary>True when the script ended with a terminating error (it is the last of <see cref="Errors"/>).</summary>
        public bool Terminated => TerminatingError != null;

        /// <summary>The error that ended the script, or null.</summary>
        public ErrorRecord? TerminatingError { get; }

        /// <summary>True when the pipeline was stopped (Ctrl+C: <see cref="PsSession.Stop"/> or a cancelled token).</summary>
        public bool Stopped { get; }

        /// <summary>Verbose messages (only there when the script asked, e.g. with -Verbose).</summary>
        public IReadOnlyList<string> Verbose { get; }

        /// <summary>Debug messages (only there when the script asked, e.g. with -Debug).</summary>
        public IReadOnlyList<string> Debug { get; }

        public IReadOnlyList<string> Warning { get; }

        /// <summary>Information stream messages (Write-Information, and Write-Host text).</summary>
        public IReadOnlyList<string> Information { get; }

        /// <summary>Write-Progress records.</summary>
        public IReadOnlyList<ProgressRecord> Progress { get; }

        /// <summary>Everything written to the host UI: Out-Default's format views, Write-Host, prompts, stream lines.</summary>
        public string HostText { get; }

        /// <summary>The base objects of <see cref="Output"/> (strings, numbers, the module's output types).</summary>
        public IEnumerable<object> Objects => Output.Select(o => o.BaseObject);

        /// <summary>Throws with every error in PowerShell's own words (and the host text) if there was any error or a stop.</summary>
        public PsResult EnsureSuccess()
        {
            if (Errors.Count == 0 && !Stopped) return this;
            throw new InvalidOperationException("The script did not succeed." + Environment.NewLine + Describe());
        }

        public override string ToString() => Describe();

        private string Describe()
        {
            var text = new StringBuilder();
            text.AppendLine($"Output: {Output.Count} object(s); errors: {Errors.Count}" +
                            (Terminated ? " (terminated)" : "") + (Stopped ? "; stopped" : ""));
            foreach (var error in Errors) text.AppendLine(ErrorRecordFormatter.Format(error));
            if (HostText.Length > 0) text.AppendLine("Host text:").AppendLine(HostText);
            return text.ToString();
        }
    }
}
