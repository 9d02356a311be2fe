using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Bulk
{
    /// <summary>
    /// What a <see cref="BulkRunner"/> needs from the thread that drives it (a cmdlet's pipeline thread).
    /// Every call is made on that thread, from inside <see cref="BulkRunner.Add{T}"/> or <see cref="BulkRunner.Complete"/>.
    /// </summary>
    public interface IBulkSink
    {
        /// <summary>
        /// Blocks until <paramref name="signal"/> completes or <paramref name="millisecondsTimeout"/> passes, doing the
        /// caller's chores meanwhile (a cmdlet writes the engine's verbose/progress messages).
        /// </summary>
        void Wait(Task signal, int millisecondsTimeout);

        /// <summary>Reports the failure of the operation started for <paramref name="target"/>.</summary>
        void OnError(Exception error, object? target);
    }

    /// <summary>Counters of one bulk run (for tests and benchmarks).</summary>
    public sealed class BulkStats
    {
        public int Started { get; internal set; }
        public int Succeeded { get; internal set; }
        public int Failed { get; internal set; }

        /// <summary>Items failed without a request because the account's quota was already used up.</summary>
        public int SkippedForQuota { get; internal set; }

        /// <summary>The most operations that were in flight at once.</summary>
        public int MaxInFlight { get; internal set; }

        /// <summary>How often the service asked to wait (429, 503 with Retry-After) and the run paused new starts.</summary>
        public int Backoffs { get; internal set; }
    }

    /// <summary>
    /// Bounded concurrency for bulk writes: each input item's engine call is started at once when fewer than the
    /// limit are in flight, otherwise when one finishes. Results and failures are handed back on the driving
    /// thread, <b>in input order</b> (a finished item waits for the ones before it; at most
    /// <c>max(16, 4 x limit)</c> items are held, so one slow item eventually holds back new starts).
    /// <list type="bullet">
    /// <item>Each operation runs with the caller's engine log and is cancelled with the run (Ctrl+C, an error
    /// that stops the command, the command ending).</item>
    /// <item>When the service asks to wait (429, or 503 with Retry-After; the HTTP pipeline already retries each
    /// request after that wait), no new operation starts until the wait is over, and the limit is halved; it grows
    /// back by one after each round of successes. So concurrency never fights a rate limit.</item>
    /// <item>Once an operation fails because the account's quota is used up, later items fail with that error
    /// without a request.</item>
    /// </list>
    /// Not thread-safe for callers: one thread calls <see cref="Add{T}"/> and <see cref="Complete"/>.
    /// </summary>
    public sealed class BulkRunner : IDisposable, IBackoffObserver
    {
        /// <summary>The default number of requests in flight: small enough to be polite to any service.</summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>The highest limit accepted.</summary>
        public const int MaxThrottleLimit = 64;

        private const int PollMilliseconds = 250;

        private readonly object _gate = new object();
        private readonly Queue<Entry> _order = new Queue<Entry>();
        private readonly CancellationTokenSource _cts;
        private readonly IBulkSink _sink;
        private readonly ICrmLog? _log;
        private readonly int _window;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TaskCompletionSource<bool> _changed = NewSignal();
        private int _running;
        private int _limit;
        private int _growth;
        private long _pausedUntil;
        private Exception? _quota;
        private TimeSpan _lastProgress;
        private bool _progressShown;

        public BulkRunner(int throttleLimit, IBulkSink sink, CancellationToken cancellationToken, ICrmLog? log = null)
        {
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            ThrottleLimit = Math.Min(MaxThrottleLimit, Math.Max(1, throttleLimit));
            _limit = ThrottleLimit;
            _window = Math.Max(16, ThrottleLimit * 4);
            _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _log = log;
        }

        /// <summary>The most operations in flight at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The progress activity (e.g. the command name); no progress is reported without one.</summary>
        public string? Activity { get; set; }

        public BulkStats Stats { get; } = new BulkStats();

        /// <summary>Operations started and not finished.</summary>
        public int InFlight
        {
            get { lock (_gate) return _running; }
        }

        /// <summary>
        /// Starts <paramref name="operation"/> for <paramref name="target"/>, first waiting for a free slot; hands back
        /// (through <paramref name="onResult"/> or <see cref="IBulkSink.OnError"/>) every earlier item that has
        /// finished. Throws <see cref="OperationCanceledException"/> once the run is cancelled; an exception from
        /// <paramref name="onResult"/> or the sink cancels everything in flight and propagates.
        /// </summary>
        public void Add<T>(object? target, Func<CancellationToken, Task<T>> operation, Action<T>? onResult)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            Guarded(() =>
            {
                ThrowIfStopped();
                DeliverReady();
                WaitUntil(() => PauseRemaining() <= TimeSpan.Zero && _running < _limit && _order.Count < _window || _quota != null && _order.Count < _window);
                var deliver = new Action<Task>(t => onResult?.Invoke(((Task<T>)t).Result));
                Exception? quota;
                lock (_gate) quota = _quota;
                if (quota != null)
                {
                    Stats.SkippedForQuota++;
                    Enqueue(new Entry(target, Task.FromException<T>(quota), deliver), started: false);
                }
                else
                {
                    Enqueue(new Entry(target, Start(operation), deliver), started: true);
                }
                DeliverReady();
            });
        }

        /// <summary>Waits for every item still in flight and hands back the rest, in input order.</summary>
        public void Complete()
        {
            Guarded(() =>
            {
                while (true)
                {
                    ThrowIfStopped();
                    DeliverReady();
                    var signal = Volatile.Read(ref _changed).Task;
                    lock (_gate)
                    {
                        if (_order.Count == 0) break;
                        if (_order.Peek().Task.IsCompleted) continue;
                    }
                    _sink.Wait(signal, PollMilliseconds);
                    ReportProgress();
                }
                if (_progressShown && Activity != null) _log?.Progress(new CrmProgress(Activity, "Done.", 100, completed: true));
            });
        }

        /// <summary>Cancels whatever is still in flight.</summary>
        public void Dispose()
        {
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        void IBackoffObserver.OnServiceBackoff(TimeSpan delay)
        {
            int limit;
            lock (_gate)
            {
                var now = _clock.Elapsed.Ticks;
                var until = now + Math.Max(0, delay.Ticks);
                var startsPause = _pausedUntil <= now;
                if (until > _pausedUntil) _pausedUntil = until;
                if (!startsPause) return;
                _limit = Math.Max(1, _limit / 2);
                _growth = 0;
                Stats.Backoffs++;
                limit = _limit;
            }
            _log?.Verbose($"The service asked to wait {Format(delay)}: no new requests until then, then at most {limit} at a time.");
        }

        private Task<T> Start<T>(Func<CancellationToken, Task<T>> operation)
        {
            using (_log != null ? CrmLog.Use(_log) : null)
            using (CrmBackoff.Observe(this))
            {
                try
                {
                    return operation(_cts.Token) ?? Task.FromException<T>(new InvalidOperationException("The operation returned no task."));
                }
                catch (Exception ex)
                {
                    // Failed before its first await (bad input found by the engine): reported in order like any failure.
                    return Task.FromException<T>(ex);
                }
            }
        }

        private void Enqueue(Entry entry, bool started)
        {
            lock (_gate)
            {
                _order.Enqueue(entry);
                if (started)
                {
                    _running++;
                    Stats.Started++;
                    if (_running > Stats.MaxInFlight) Stats.MaxInFlight = _running;
                }
            }
            if (started) entry.Task.ContinueWith(OnFinished, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void OnFinished(Task task)
        {
            lock (_gate)
            {
                _running--;
                if (task.Status == TaskStatus.RanToCompletion)
                {
                    if (_limit < ThrottleLimit && PauseRemaining() <= TimeSpan.Zero && ++_growth >= _limit)
                    {
                        _limit++;
                        _growth = 0;
                    }
                }
                else if (_quota == null && task.Exception?.InnerException is CrmException { Kind: CrmErrorKind.QuotaExceeded } quota)
                {
                    _quota = quota;
                }
            }
            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult(true);
        }

        /// <summary>Waits (doing the sink's chores) until <paramref name="ready"/> holds; evaluated under the lock.</summary>
        private void WaitUntil(Func<bool> ready)
        {
            while (true)
            {
                var signal = Volatile.Read(ref _changed).Task;
                TimeSpan pause;
                lock (_gate)
                {
                    if (ready()) return;
                    pause = PauseRemaining();
                }
                var timeout = pause > TimeSpan.Zero ? (int)Math.Min(PollMilliseconds, Math.Max(1, Math.Ceiling(pause.TotalMilliseconds))) : PollMilliseconds;
                _sink.Wait(signal, timeout);
                ThrowIfStopped();
                DeliverReady();
                ReportProgress();
            }
        }

        private void DeliverReady()
        {
            while (true)
            {
                Entry head;
                lock (_gate)
                {
                    if (_order.Count == 0 || !_order.Peek().Task.IsCompleted) return;
                    head = _order.Dequeue();
                }
                var task = head.Task;
                if (task.Status == TaskStatus.RanToCompletion)
                {
                    Stats.Succeeded++;
                    head.Deliver(task);
                    continue;
                }
                var error = task.IsCanceled ? new OperationCanceledException() : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
                if (error is OperationCanceledException && _cts.IsCancellationRequested) throw new OperationCanceledException(_cts.Token);
                Stats.Failed++;
                _sink.OnError(error, head.Target);
            }
        }

        private void ReportProgress()
        {
            if (_log == null || Activity == null) return;
            var now = _clock.Elapsed;
            if (now < TimeSpan.FromSeconds(1) || now - _lastProgress < TimeSpan.FromMilliseconds(500)) return;
            _lastProgress = now;
            _progressShown = true;
            int running;
            bool paused;
            lock (_gate)
            {
                running = _running;
                paused = PauseRemaining() > TimeSpan.Zero;
            }
            var done = Stats.Succeeded + Stats.Failed;
            _log.Progress(new CrmProgress(Activity, $"{done} done ({Stats.Failed} failed), {running} in flight" + (paused ? "; paused: the service asked to wait" : "")));
        }

        private void Guarded(Action action)
        {
            try
            {
                action();
            }
            catch
            {
                // Stopped, or the caller's writing failed (downstream stop, -ErrorAction Stop): nothing more is wanted.
                Dispose();
                throw;
            }
        }

        private void ThrowIfStopped() => _cts.Token.ThrowIfCancellationRequested();

        private TimeSpan PauseRemaining() => TimeSpan.FromTicks(Math.Max(0, _pausedUntil - _clock.Elapsed.Ticks));

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.##} s" : $"{t.TotalMilliseconds:0} ms";

        private sealed class Entry
        {
            public Entry(object? target, Task task, Action<Task> deliver)
            {
                Target = target;
                Task = task;
                Deliver = deliver;
            }

            public object? Target { get; }
            public Task Task { get; }
            public Action<Task> Deliver { get; }
        }
    }
}
