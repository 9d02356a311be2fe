using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CrmTools.Engine.Spool
{
    /// <summary>
    /// The reading side of a spool written by <see cref="SpoolWriter"/>: lists pending items oldest first, reads
    /// them, and completes (deletes) an item once its consumer has taken it. A consuming reader holds the spool's
    /// reader lock, so two consumers never hand out the same item; a peeking reader (no lock) only looks. The ids of
    /// completed items stay known to the writer for its de-duplication window.
    /// </summary>
    public sealed class SpoolReader : IDisposable
    {
        private readonly SpoolLayout _layout;
        private readonly FileStream? _lock;
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0, 1);
        private FileSystemWatcher? _watcher;
        private int _disposed;

        private SpoolReader(SpoolLayout layout, FileStream? lockFile)
        {
            _layout = layout;
            _lock = lockFile;
        }

        /// <summary>The spool's root folder.</summary>
        public string Path => _layout.Root;

        /// <summary>Whether this reader completes items (holds the reader lock) or only peeks.</summary>
        public bool Consumes => _lock != null;

        /// <summary>What recovery did on open (only when no writer held the spool).</summary>
        public SpoolRecovery? Recovery { get; private set; }

        /// <summary>
        /// Opens the spool at <paramref name="root"/> (creating its folders). With <paramref name="consume"/> it takes the
        /// reader lock (<see cref="SpoolBusyException"/> when another consumer has it). When no writer holds the spool,
        /// what a crashed writer left behind is recovered first, so nothing waits for the listener to start again.
        /// </summary>
        public static SpoolReader Open(string root, bool consume)
        {
            var layout = new SpoolLayout(root);
            layout.EnsureDirectories();
            FileStream? lockFile = null;
            if (consume)
            {
                lockFile = SpoolLayout.TryLock(layout.ReaderLock)
                    ?? throw new SpoolBusyException(layout.Root, "Another reader (in this or another process) is consuming the spool " + layout.Root + ".");
            }
            var reader = new SpoolReader(layout, lockFile);
            try
            {
                using var writerLock = SpoolLayout.TryLock(layout.WriterLock);
                if (writerLock != null) reader.Recovery = SpoolWriter.Recover(layout);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Recovery is the writer's job too; never fail a read over it.
            }
            return reader;
        }

        /// <summary>Names of the pending items, oldest first.</summary>
        public IReadOnlyList<string> ListPending() => _layout.ListPending();

        /// <summary>How many items are pending.</summary>
        public int PendingCount => _layout.ListPending().Count;

        /// <summary>
        /// Reads one pending item. Returns null when it is gone (completed meanwhile). Throws
        /// <see cref="InvalidDataException"/> when the file is not a readable item (see <see cref="MoveToFailed"/>).
        /// </summary>
        public SpoolItem? Read(string name)
        {
            var bytes = SpoolLayout.TryReadAll(_layout.PendingPath(name));
            return bytes == null ? null : SpoolLayout.Decode(name, bytes);
        }

        /// <summary>Removes an item that its consumer has taken. Its id stays known for de-duplication.</summary>
        public void Complete(SpoolItem item)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (_lock == null) throw new InvalidOperationException("A peeking spool reader cannot complete items.");
            try
            {
                File.Delete(_layout.PendingPath(item.Name));
            }
            catch (DirectoryNotFoundException)
            {
                // gone already
            }
        }

        /// <summary>Moves an unreadable item to failed/ so it does not block the others; returns the new path.</summary>
        public string? MoveToFailed(string name)
        {
            if (_lock == null) return null;
            Directory.CreateDirectory(_layout.Failed);
            var target = System.IO.Path.Combine(_layout.Failed, name);
            try
            {
                if (File.Exists(target)) File.Delete(target);
                File.Move(_layout.PendingPath(name), target);
                return target;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <summary>
        /// Waits until something may have arrived in pending/: a file system notification, or at the latest
        /// <paramref name="pollInterval"/> (the fallback where notifications do not work, e.g. network shares).
        /// </summary>
        public async Task WaitForChangeAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
        {
            EnsureWatcher();
            try
            {
                await _changed.WaitAsync(pollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private void EnsureWatcher()
        {
            if (_watcher != null) return;
            try
            {
                var watcher = new FileSystemWatcher(_layout.Pending, "*" + SpoolLayout.ItemExtension)
                {
                    NotifyFilter = NotifyFilters.FileName,
                    IncludeSubdirectories = false,
                };
                watcher.Created += (_, __) => Signal();
                watcher.Renamed += (_, __) => Signal();
                watcher.Error += (_, __) => Signal();
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is PlatformNotSupportedException || ex is UnauthorizedAccessException)
            {
                // No notifications here (inotify limit, unsupported file system): polling alone.
                _watcher = null;
            }
        }

        private void Signal()
        {
            try
            {
                if (_changed.CurrentCount == 0) _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
            catch (ObjectDisposedException)
            {
                // closed
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _watcher?.Dispose();
            _lock?.Dispose();
            _changed.Dispose();
        }
    }
}
