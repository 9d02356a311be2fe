using System;
using System.Threading;

namespace CrmTools.Engine.Bulk
{
    /// <summary>Told when a request of the current logical operation waits because the service asked it to.</summary>
    internal interface IBackoffObserver
    {
        /// <summary>A request got 429 (or 503 with Retry-After) and waits <paramref name="delay"/> before its retry.</summary>
        void OnServiceBackoff(TimeSpan delay);
    }

    /// <summary>
    /// The ambient listener for server-requested waits, flowing with async calls like <see cref="Diagnostics.CrmLog"/>.
    /// <see cref="BulkRunner"/> installs itself around each operation it starts; the HTTP pipeline reports each
    /// Retry-After wait here, so a bulk run pauses new starts instead of sending more requests into the limit.
    /// </summary>
    internal static class CrmBackoff
    {
        private static readonly AsyncLocal<IBackoffObserver?> Current = new AsyncLocal<IBackoffObserver?>();

        public static IDisposable Observe(IBackoffObserver? observer)
        {
            var previous = Current.Value;
            Current.Value = observer;
            return new Scope(previous);
        }

        /// <summary>Called by the HTTP pipeline before it waits on a 429 or a 503 with Retry-After.</summary>
        public static void Report(TimeSpan delay) => Current.Value?.OnServiceBackoff(delay);

        private sealed class Scope : IDisposable
        {
            private readonly IBackoffObserver? _previous;
            public Scope(IBackoffObserver? previous) => _previous = previous;
            public void Dispose() => Current.Value = _previous;
        }
    }
}
