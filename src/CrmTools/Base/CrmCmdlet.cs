using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Bulk;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Paging;

namespace CrmTools.Base
{
    /// <summary>
    /// The base of every CrmTools cmdlet. It runs the engine's async work while pumping the
    /// engine's log to the Verbose/Debug/Warning/Progress streams on the pipeline thread,
    /// cancels the request in flight on Ctrl+C (StopProcessing), streams paged results, and
    /// turns failures into ErrorRecords.
    /// </summary>
    public abstract class CrmCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The default of a write command's -ThrottleLimit (requests in flight at once).</summary>
        public const int DefaultThrottleLimit = BulkRunner.DefaultThrottleLimit;

        /// <summary>The highest -ThrottleLimit a write command accepts.</summary>
        public const int MaxThrottleLimit = BulkRunner.MaxThrottleLimit;

        private static int _nextProgressId = 1000;

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private PipelineLog? _log;
        private BulkRunner? _bulk;
        private readonly int _progressId = Interlocked.Increment(ref _nextProgressId);

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken CancellationToken => _stop.Token;

        /// <summary>The session (runspace) whose default connections apply.</summary>
        protected static Guid SessionId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        private List<Action>? _deferred;

        private PipelineLog Log => _log ??= new PipelineLog(IsStreamEnabled("Verbose", "VerbosePreference"), IsStreamEnabled("Debug", "DebugPreference"));

        protected override void StopProcessing() => _stop.Cancel();

        protected override void EndProcessing()
        {
            RunDeferred();
            CompleteBulk();
            _log?.Drain(this, _progressId);
            base.EndProcessing();
        }

        /// <summary>ShouldProcess, except that -Force (without -WhatIf or an explicit -Confirm) skips the confirmation prompt.</summary>
        protected bool ShouldProcessOrForce(bool force, string target, string action)
        {
            var bound = MyInvocation.BoundParameters;
            if (force && !IsWhatIf && !bound.ContainsKey("Confirm")) return true;
            return ShouldProcess(target, action);
        }

        private bool IsWhatIf
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return bound is SwitchParameter s ? s.IsPresent : bound is bool b && b;
                var preference = GetVariableValue("WhatIfPreference");
                return preference is SwitchParameter ps ? ps.IsPresent : preference is bool pb && pb;
            }
        }

        /// <summary>
        /// One confirmed change of one item (a delete, mostly): asked for with <see cref="ShouldProcessOrForce"/>, sent
        /// through <see cref="AfterInput"/>, a failure is an error for <paramref name="target"/>. Copy parameter values
        /// into locals before building <paramref name="change"/>.
        /// </summary>
        protected void ChangeOne(object target, string description, string action, bool force, Func<CancellationToken, Task> change)
        {
            if (!ShouldProcessOrForce(force, description, action)) return;
            AfterInput(() => TryRun(target, change));
        }

        /// <summary>
        /// Runs <paramref name="change"/> now, or, when the items come from the pipeline, once the input has ended.
        /// Deleting or changing records while an upstream listing is still paging (by offset or page number) shifts
        /// its pages, and records it has not reached yet would be skipped: `Get-X | Remove-X` must see every X first.
        /// Confirmation (ShouldProcess) stays with each item as it arrives; only the requests wait.
        /// </summary>
        protected void AfterInput(Action change)
        {
            if (MyInvocation.ExpectingInput) (_deferred ??= new List<Action>()).Add(change);
            else change();
        }

        /// <summary>The changes <see cref="AfterInput"/> held back; the base EndProcessing runs them (a subclass that collects
        /// its own work may call it earlier).</summary>
        protected void RunDeferred()
        {
            var deferred = _deferred;
            _deferred = null;
            if (deferred == null) return;
            foreach (var change in deferred)
            {
                if (Stopping) return;
                change();
            }
        }

        /// <summary>Cancels bulk work still in flight when the command ends early (PowerShell disposes every command).</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _bulk?.Dispose();
        }

        /// <summary>
        /// Bulk writes with bounded concurrency. Call it from ProcessRecord once per input item (after ShouldProcess):
        /// it starts <paramref name="operation"/> as soon as fewer than <paramref name="throttleLimit"/> are in flight
        /// (waiting for a slot otherwise) and returns without waiting for it. On the pipeline thread, in input order,
        /// each result goes to <paramref name="onResult"/> (default: WriteObject unless null) and each failure becomes
        /// a non-terminating error with <paramref name="target"/> as its TargetObject. EndProcessing (this base's)
        /// waits for the rest. Ctrl+C cancels everything in flight; a 429/Retry-After pauses new starts and halves the
        /// concurrency (see <see cref="BulkRunner"/>); after a used-up quota the remaining items fail without a request.
        /// <para>The operation runs later, while PowerShell binds the next item to this cmdlet's properties: copy every
        /// parameter value it needs into locals before building the lambda.</para>
        /// <para>The first call fixes the limit for the invocation; 1 is one item at a time.</para>
        /// </summary>
        protected void RunBulk<T>(object? target, Func<CancellationToken, Task<T>> operation, int throttleLimit, Action<T>? onResult = null)
        {
            var bulk = _bulk ??= new BulkRunner(throttleLimit, new PipelineSink(this), _stop.Token, Log) { Activity = MyInvocation.MyCommand?.Name };
            StopOnCancel(() => bulk.Add(target, operation, onResult ?? (result =>
            {
                if (result != null) WriteObject(result);
            })));
        }

        /// <summary>As <see cref="RunBulk{T}"/> for work without a result; <paramref name="onDone"/> runs on the pipeline thread after each success.</summary>
        protected void RunBulk(object? target, Func<CancellationToken, Task> operation, int throttleLimit, Action? onDone = null) =>
            RunBulk<bool>(target, async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            }, throttleLimit, _ => onDone?.Invoke());

        /// <summary>Waits for the bulk work still in flight and writes its results and errors. The base EndProcessing calls it;
        /// call it earlier only to write something after every bulk result.</summary>
        protected void CompleteBulk()
        {
            var bulk = _bulk;
            if (bulk == null) return;
            StopOnCancel(bulk.Complete);
        }

        private void StopOnCancel(Action action)
        {
            try
            {
                action();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>The bulk runner's view of this cmdlet: waits pump the log; failures become non-terminating errors.</summary>
        private sealed class PipelineSink : IBulkSink
        {
            private readonly CrmCmdlet _cmdlet;

            public PipelineSink(CrmCmdlet cmdlet) => _cmdlet = cmdlet;

            public void Wait(Task signal, int millisecondsTimeout) => _cmdlet.WaitFor(signal, millisecondsTimeout);

            public void OnError(Exception error, object? target)
            {
                if (error is OperationCanceledException && _cmdlet._stop.IsCancellationRequested) throw new PipelineStoppedException();
                _cmdlet.WriteFailure(error, target);
            }
        }

        /// <summary>Runs engine work to completion on the pipeline thread, writing its log as it goes.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            Task<T> task;
            using (CrmLog.Use(Log))
            {
                task = operation(_stop.Token);
            }
            return Wait(task);
        }

        /// <summary>Runs engine work that has no result.</summary>
        protected void Run(Func<CancellationToken, Task> operation) =>
            Run<bool>(async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// Writes each item of a paged stream as it arrives. Stops requesting as soon as the
        /// pipeline stops (Select-Object -First, a downstream error, Ctrl+C). A failure of the
        /// listing itself (bad input, the service) is a non-terminating error for
        /// <paramref name="target"/>; failures downstream propagate untouched.
        /// </summary>
        protected void WriteStream<T>(Func<ItemStream<T>> open, object? target = null, bool writeTotalCount = false)
        {
            ItemStream<T> stream;
            try
            {
                using (CrmLog.Use(Log)) stream = open();
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, target);
                return;
            }
            using (stream)
            {
                var first = true;
                while (true)
                {
                    bool more;
                    try
                    {
                        more = Wait(MoveNext(stream));
                    }
                    catch (Exception ex) when (IsReportable(ex))
                    {
                        WriteFailure(ex, target);
                        return;
                    }
                    if (first && writeTotalCount) WriteTotalCount(more ? stream.TotalCount : stream.TotalCount ?? 0);
                    first = false;
                    if (!more) return;
                    WriteObject(stream.Current);
                }
            }
        }

        /// <summary>
        /// Runs engine work for one input item. On failure writes a non-terminating error for
        /// <paramref name="target"/> and returns false, so the pipeline goes on with the next item.
        /// </summary>
        protected bool TryRun<T>(object? target, Func<CancellationToken, Task<T>> operation, out T result)
        {
            try
            {
                result = Run(operation);
                return true;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary>As <see cref="TryRun{T}"/> for work without a result.</summary>
        protected bool TryRun(object? target, Func<CancellationToken, Task> operation) =>
            TryRun<bool>(target, async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            }, out _);

        /// <summary>Writes a failure as a non-terminating error; the pipeline goes on with the next input.</summary>
        protected void WriteFailure(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

        /// <summary>Stops the command with a terminating error.</summary>
        protected void ThrowFailure(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));

        /// <summary>
        /// Runs <paramref name="action"/> and reports an engine failure as a non-terminating error for
        /// <paramref name="target"/>. Failures from downstream commands (they surface from WriteObject as
        /// RuntimeException) are not ours and propagate. Prefer <see cref="TryRun{T}"/> and write outside it.
        /// </summary>
        protected bool TryInvoke(object? target, Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteFailure(ex, target);
                return false;
            }
        }

        /// <summary>Exceptions that are failures of the work (not the pipeline stopping, nor PowerShell's own errors).</summary>
        protected static bool IsReportable(Exception ex) =>
            !(ex is RuntimeException) && !(ex is PipelineStoppedException) && !(ex is OperationCanceledException) && !(ex is PipelineClosedException) &&
            !(ex is ActionPreferenceStopException) && !(ex is ParameterBindingException) && !(ex is HaltCommandException) &&
            !(ex.GetType().Name == "StopUpstreamCommandsException");

        private void WriteTotalCount(long? total)
        {
            if (!PagingEnabled) return;
            WriteObject(total.HasValue ? PagingParameters.NewTotalCount((ulong)total.Value, 1.0) : PagingParameters.NewTotalCount(0, 0.0));
        }

        private bool PagingEnabled => MyInvocation.MyCommand is CmdletInfo info && info.ImplementingType
            .GetCustomAttributes(typeof(CmdletAttribute), true) is CmdletAttribute[] attrs && attrs.Length > 0 && attrs[0].SupportsPaging;

        private Task<bool> MoveNext<T>(ItemStream<T> stream)
        {
            using (CrmLog.Use(Log))
            {
                return stream.MoveNextAsync();
            }
        }

        /// <summary>Waits up to <paramref name="millisecondsTimeout"/> for <paramref name="signal"/>, writing the engine's log meanwhile.</summary>
        private void WaitFor(Task signal, int millisecondsTimeout)
        {
            if (!signal.IsCompleted)
            {
                signal.ContinueWith(_ => Log.Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (!signal.IsCompleted)
                {
                    var left = millisecondsTimeout - (int)clock.ElapsedMilliseconds;
                    if (left <= 0) break;
                    Log.WaitAndDrain(this, _progressId, left);
                }
            }
            _log?.Drain(this, _progressId);
        }

        private T Wait<T>(Task<T> task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => Log.Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    Log.WaitAndDrain(this, _progressId, 250);
                }
            }
            _log?.Drain(this, _progressId);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private bool IsStreamEnabled(string commonParameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(commonParameter, out var value))
            {
                return value is SwitchParameter s ? s.IsPresent : value is bool b && b;
            }
            var preference = GetVariableValue(preferenceVariable);
            return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }
    }
}
