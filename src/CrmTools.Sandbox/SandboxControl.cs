using System;
using System.Collections.Generic;
using System.Threading;

namespace CrmTools.Sandbox
{
    /// <summary>
    /// Test knobs shared by every emulated service: latency, injected faults and the request log.
    /// Every member is thread-safe: tests poke it while requests are in flight.
    /// </summary>
    public sealed class SandboxControl
    {
        private readonly object _faultLock = new object();
        private readonly List<ActiveFault> _faults = new List<ActiveFault>();
        private readonly object _logLock = new object();
        private readonly List<SandboxRequest> _log = new List<SandboxRequest>();
        private int _latencyMs;
        private int _inFlight;
        private int _maxInFlight;

        internal SandboxControl(int latencyMs) => _latencyMs = latencyMs;

        /// <summary>Delay added to every request, in milliseconds.</summary>
        public int LatencyMs
        {
            get => Volatile.Read(ref _latencyMs);
            set => Volatile.Write(ref _latencyMs, Math.Max(0, value));
        }

        /// <summary>Queues a fault; faults are consumed in the order they were injected.</summary>
        public void InjectFault(SandboxFault fault)
        {
            if (fault == null) throw new ArgumentNullException(nameof(fault));
            if (fault.Times <= 0) return;
            lock (_faultLock) _faults.Add(new ActiveFault(fault));
        }

        /// <summary>Removes every pending fault.</summary>
        public void ClearFaults()
        {
            lock (_faultLock) _faults.Clear();
        }

        /// <summary>A snapshot of the request log, oldest first.</summary>
        public IReadOnlyList<SandboxRequest> Requests
        {
            get { lock (_logLock) return _log.ToArray(); }
        }

        /// <summary>Counts logged requests whose path contains <paramref name="pathContains"/>
        /// (case-insensitive) and whose method is <paramref name="method"/>; null matches any.</summary>
        public int CountRequests(string? pathContains = null, string? method = null)
        {
            lock (_logLock)
            {
                int n = 0;
                foreach (var r in _log)
                    if (Matches(r.Path, r.Method, pathContains, method)) n++;
                return n;
            }
        }

        /// <summary>The most requests in flight at once (received, response not yet written) since the request log
        /// was last emptied: shows whether a client really overlaps its requests.</summary>
        public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

        /// <summary>Empties the request log (and restarts <see cref="MaxConcurrentRequests"/> from the requests in flight now).</summary>
        public void ResetRequestLog()
        {
            lock (_logLock) _log.Clear();
            Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));
        }

        internal void RequestStarted()
        {
            int now = Interlocked.Increment(ref _inFlight);
            int max;
            while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
        }

        internal void RequestEnded() => Interlocked.Decrement(ref _inFlight);

        internal void Log(SandboxRequest request)
        {
            lock (_logLock) _log.Add(request);
        }

        /// <summary>Takes one use of the first fault matching the request, or null.</summary>
        internal SandboxFault? TakeFault(string path, string method)
        {
            lock (_faultLock)
            {
                for (int i = 0; i < _faults.Count; i++)
                {
                    var f = _faults[i];
                    if (!Matches(path, method, f.Fault.PathContains, f.Fault.Method)) continue;
                    if (--f.Remaining <= 0) _faults.RemoveAt(i);
                    return f.Fault;
                }
                return null;
            }
        }

        private static bool Matches(string path, string method, string? pathContains, string? wantedMethod) =>
            (pathContains == null || path.IndexOf(pathContains, StringComparison.OrdinalIgnoreCase) >= 0)
            && (wantedMethod == null || string.Equals(method, wantedMethod, StringComparison.OrdinalIgnoreCase));

        // Keeps its own countdown so the caller's SandboxFault object is never mutated.
        private sealed class ActiveFault
        {
            public ActiveFault(SandboxFault fault) { Fault = fault; Remaining = fault.Times; }
            public SandboxFault Fault { get; }
            public int Remaining { get; set; }
        }
    }
}
