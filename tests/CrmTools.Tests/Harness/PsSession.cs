using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Hosting;

namespace CrmTools.Tests.Harness
{
    /// <summary>
    /// One PowerShell session, as a user would have it: a runspace with the packaged module imported by path
    /// and a real host whose output (Out-Default's format views, Write-Host, prompts) is captured as text.
    /// Runs share the global scope, like commands typed one after another. One run at a time.
    /// Usable as an xUnit class fixture (the parameterless constructor imports the packaged module).
    /// </summary>
    public sealed class PsSession : IDisposable
    {
        private readonly StringWriter _hostBuffer = new StringWriter();
        // The host writes from whatever thread the engine uses; a synchronized writer (which locks on itself)
        // lets the session clear and read the text under the same lock.
        private readonly TextWriter _hostText;
        private readonly PromptAnswers _answers = new PromptAnswers();
        private readonly Runspace _runspace;
        private PowerShell? _running;

        /// <summary>A session with the packaged module (out/CrmTools/CrmTools.psd1) imported.</summary>
        public PsSession() : this(ModulePath.Manifest) { }

        /// <summary>A session with <paramref name="modulePath"/> imported, or no module at all when null.</summary>
        public PsSession(string? modulePath)
        {
            ModuleManifest = modulePath;
            _hostText = TextWriter.Synchronized(_hostBuffer);
            _runspace = HostedRunspace.Open(new CrmToolsHost(HostIO.Capture(_hostText, _answers)));
            try
            {
                if (modulePath != null) HostedRunspace.ImportModule(_runspace, modulePath);
            }
            catch
            {
                _runspace.Dispose();
                throw;
            }
        }

        /// <summary>The imported module's manifest, or null.</summary>
        public string? ModuleManifest { get; }

        /// <summary>The runspace, for what the harness does not wrap (SessionStateProxy, ...).</summary>
        public Runspace Runspace => _runspace;

        /// <summary>Raised on the pipeline thread as each output object is written: lets a test act mid-pipeline,
        /// e.g. <see cref="Stop"/> after the first item. Keep handlers short and non-blocking.</summary>
        public event Action<PSObject>? OutputWritten;

        /// <summary>
        /// Runs <paramref name="script"/>. When the script has a param() block, <paramref name="parameters"/> bind to it;
        /// otherwise each becomes a variable for the length of the run. Errors never throw: look at the result.
        /// </summary>
        public PsResult Run(string script, IDictionary<string, object?>? parameters = null)
        {
            using var run = Start(script, parameters);
            try
            {
                run.PowerShell.Invoke(null, run.Output);
            }
            catch (RuntimeException ex)
            {
                run.Ended(ex);
            }
            return run.Finish();
        }

        /// <summary>
        /// Runs <paramref name="script"/> on the pipeline's own thread. Cancelling <paramref name="cancellationToken"/>
        /// is pressing Ctrl+C: the pipeline is stopped and the result has <see cref="PsResult.Stopped"/> set.
        /// </summary>
        public async Task<PsResult> RunAsync(string script, IDictionary<string, object?>? parameters = null,
            CancellationToken cancellationToken = default)
        {
            using var run = Start(script, parameters);
            try
            {
                var pending = run.PowerShell.BeginInvoke<PSObject, PSObject>(null, run.Output);
                // Registered once the pipeline runs, so even an already-cancelled token stops it.
                using (cancellationToken.Register(() => run.PowerShell.BeginStop(null, null)))
                    await Task.Factory.FromAsync(pending, run.PowerShell.EndInvoke).ConfigureAwait(false);
            }
            catch (RuntimeException ex)
            {
                run.Ended(ex);
            }
            return run.Finish();
        }

        /// <summary>Ctrl+C: asks the running pipeline to stop and returns at once (safe from an <see cref="OutputWritten"/>
        /// handler). The run's own call returns its result once the pipeline has stopped.</summary>
        public void Stop() => Volatile.Read(ref _running)?.BeginStop(null, null);

        /// <summary>Queues answers for the host's prompts (-Confirm choices, Read-Host, mandatory parameters), one line
        /// per prompt, for the next run only. With none queued a prompt fails, as under pwsh -NonInteractive.</summary>
        public void Answer(params string[] lines) => _answers.Enqueue(lines);

        public void Dispose()
        {
            _runspace.Dispose();
            _hostText.Dispose();
            _hostBuffer.Dispose();
            _answers.Dispose();
        }

        private PsRun Start(string script, IDictionary<string, object?>? parameters)
        {
            var ps = PowerShell.Create(_runspace);
            if (Interlocked.CompareExchange(ref _running, ps, null) != null)
            {
                ps.Dispose();
                throw new InvalidOperationException("A PsSession runs one script at a time; await the running one first.");
            }
            lock (_hostText) _hostBuffer.GetStringBuilder().Clear();
            return new PsRun(this, ps, script, parameters ?? new Dictionary<string, object?>());
        }

        /// <summary>The host text written since the run began.</summary>
        internal string HostTextSoFar()
        {
            lock (_hostText) return _hostBuffer.ToString();
        }

        internal void RaiseOutputWritten(PSObject item) => OutputWritten?.Invoke(item);

        /// <summary>Called when a run ends: forgets its answers and frees the session for the next run.</summary>
        internal void RunEnded()
        {
            _answers.Clear();
            Interlocked.Exchange(ref _running, null);
        }

    }
}
