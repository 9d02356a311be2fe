using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using CrmTools.Engine.Diagnostics;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>
    /// The listener's log: one line per delivery (stored, duplicate or rejected, with the reason) and per start and
    /// stop. Lines go to an optional file (appended, flushed per line), to the last few hundred kept in memory
    /// (<see cref="Recent"/>), and to whoever follows the log (Start-CrmWebhookListener -Wait). Lines are scrubbed of
    /// every registered secret; bodies and signatures are never logged.
    /// </summary>
    public sealed class WebhookLog : IDisposable
    {
        private const int RecentCapacity = 200;
        private const int FollowerCapacity = 10_000;

        private readonly object _sync = new object();
        private readonly Queue<string> _recent = new Queue<string>();
        private readonly List<Follower> _followers = new List<Follower>();
        private StreamWriter? _file;

        internal WebhookLog(string? path)
        {
            if (!string.IsNullOrEmpty(path))
            {
                var full = System.IO.Path.GetFullPath(path);
                var dir = System.IO.Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                _file = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
                Path = full;
            }
        }

        /// <summary>The log file, or null.</summary>
        public string? Path { get; }

        /// <summary>The most recent lines, oldest first.</summary>
        public string[] Recent
        {
            get
            {
                lock (_sync) return _recent.ToArray();
            }
        }

        internal void Write(string message)
        {
            var line = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + Redactor.Scrub(message);
            lock (_sync)
            {
                _recent.Enqueue(line);
                while (_recent.Count > RecentCapacity) _recent.Dequeue();
                if (_file != null)
                {
                    try
                    {
                        _file.WriteLine(line);
                    }
                    catch (IOException)
                    {
                        // A full disk must not stop the listener; the line still reaches the followers.
                    }
                }
                foreach (var f in _followers) f.Add(line);
            }
        }

        /// <summary>Follows the log from now on (after the recent lines, with <paramref name="includeRecent"/>): lines queue
        /// up until taken with <see cref="WebhookLogFollower.TryTake"/>.</summary>
        public WebhookLogFollower Follow(bool includeRecent = false)
        {
            var follower = new Follower(this);
            lock (_sync)
            {
                if (includeRecent) foreach (var line in _recent) follower.Add(line);
                _followers.Add(follower);
            }
            return follower;
        }

        private void Unfollow(Follower follower)
        {
            lock (_sync) _followers.Remove(follower);
        }

        public void Dispose()
        {
            lock (_sync)
            {
                _file?.Dispose();
                _file = null;
            }
        }

        private sealed class Follower : WebhookLogFollower
        {
            private readonly WebhookLog _log;
            private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();
            private readonly SemaphoreSlim _signal = new SemaphoreSlim(0, 1);
            private int _count;
            private int _skipped;

            public Follower(WebhookLog log) => _log = log;

            public void Add(string line)
            {
                // A follower that cannot keep up loses lines, never memory; it is told how many.
                if (Interlocked.Increment(ref _count) > FollowerCapacity)
                {
                    Interlocked.Decrement(ref _count);
                    Interlocked.Increment(ref _skipped);
                }
                else
                {
                    _lines.Enqueue(line);
                }
                try
                {
                    if (_signal.CurrentCount == 0) _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            }

            public override bool TryTake(out string line)
            {
                var skipped = Interlocked.Exchange(ref _skipped, 0);
                if (skipped > 0)
                {
                    line = $"({skipped} log lines skipped: they came faster than they could be shown)";
                    return true;
                }
                if (_lines.TryDequeue(out line!))
                {
                    Interlocked.Decrement(ref _count);
                    return true;
                }
                line = string.Empty;
                return false;
            }

            public override bool Wait(int millisecondsTimeout, CancellationToken cancellationToken)
            {
                if (!_lines.IsEmpty) return true;
                try
                {
                    return _signal.Wait(millisecondsTimeout, cancellationToken);
                }
                catch (ObjectDisposedException)
                {
                    return false;
                }
            }

            public override void Dispose()
            {
                _log.Unfollow(this);
                _signal.Dispose();
            }
        }
    }

    /// <summary>A reader of the log's new lines (see <see cref="WebhookLog.Follow"/>).</summary>
    public abstract class WebhookLogFollower : IDisposable
    {
        /// <summary>Takes the next line, if any.</summary>
        public abstract bool TryTake(out string line);

        /// <summary>Waits up to <paramref name="millisecondsTimeout"/> for a line; true when one may be there.</summary>
        public abstract bool Wait(int millisecondsTimeout, CancellationToken cancellationToken);

        public abstract void Dispose();
    }
}
