using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmTools.Engine.Spool
{
    /// <summary>
    /// The writing side of a durable on-disk spool (one file per item), safe to use from many threads. One writer
    /// per spool at a time (an exclusive lock file); a <see cref="SpoolReader"/> may read and complete items
    /// concurrently from another process.
    /// <para>
    /// <see cref="Append"/> returns only when the item is on the disk: the file is written under tmp/, fsync'd,
    /// its id is claimed with a marker file created with <see cref="FileMode.CreateNew"/> (atomic, also across
    /// processes), and it is renamed into pending/ (atomic) under a name that sorts oldest first, after which the
    /// directory is fsync'd too. A crash at any point leaves either nothing, or a temp file that
    /// <see cref="Open"/> promotes (its marker exists: the id was claimed, so a redelivery would be taken for a
    /// duplicate) or discards (no marker: the sender never got an answer and will send again).
    /// </para>
    /// </summary>
    public sealed class SpoolWriter : IDisposable
    {
        private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

        private readonly SpoolLayout _layout;
        private readonly SpoolOptions _options;
        private readonly FileStream _lock;
        private readonly object _commit = new object();
        private readonly Dictionary<string, IdGate> _inflight = new Dictionary<string, IdGate>(StringComparer.Ordinal);
        private readonly object _dirSync = new object();
        private long _lastTicks;
        private long _renamed;       // renames done so far (under _commit)
        private long _durableUpTo;   // renames known to be durable (under _dirSync)
        private bool _dirSyncRunning;
        private long _nextPurgeTicks;
        private int _purging;
        private int _disposed;

        private SpoolWriter(SpoolLayout layout, SpoolOptions options, FileStream lockFile)
        {
            _layout = layout;
            _options = options;
            _lock = lockFile;
        }

        /// <summary>The spool's root folder.</summary>
        public string Path => _layout.Root;

        /// <summary>What recovery did when the spool was opened.</summary>
        public SpoolRecovery Recovery { get; private set; } = new SpoolRecovery(0, 0);

        /// <summary>Test hook: called at each step of <see cref="Append"/>; a <see cref="SimulatedCrashException"/>
        /// thrown from it leaves the files exactly as a crash at that point would.</summary>
        internal Action<SpoolStep>? StepHook { get; set; }

        /// <summary>
        /// Opens the spool at <paramref name="root"/> for writing (creating it), takes the writer lock, recovers what a
        /// crashed writer left and forgets ids older than the de-duplication window. Throws
        /// <see cref="SpoolBusyException"/> when another writer holds the spool.
        /// </summary>
        public static SpoolWriter Open(string root, SpoolOptions? options = null)
        {
            var layout = new SpoolLayout(root);
            layout.EnsureDirectories();
            // A reader recovering the spool holds the writer lock for a moment, and a listener being restarted may
            // still be shutting down: try for about a second before calling the spool busy.
            FileStream? lockFile = null;
            for (int attempt = 0; attempt < 10 && lockFile == null; attempt++)
            {
                if (attempt > 0) Thread.Sleep(100);
                lockFile = SpoolLayout.TryLock(layout.WriterLock);
            }
            if (lockFile == null)
            {
                throw new SpoolBusyException(layout.Root, "Another listener (in this or another process) is writing to the spool " + layout.Root + ".");
            }
            var writer = new SpoolWriter(layout, options ?? new SpoolOptions(), lockFile);
            try
            {
                writer.Recovery = Recover(layout);
                writer.Purge();
                writer._nextPurgeTicks = DateTime.UtcNow.Add(PurgeInterval).Ticks;
            }
            catch
            {
                writer.Dispose();
                throw;
            }
            return writer;
        }

        /// <summary>
        /// Stores an item durably unless an item with the same <paramref name="id"/> was stored within the
        /// de-duplication window. Returns once the item is on the disk.
        /// </summary>
        public SpoolAppendResult Append(string id, IReadOnlyDictionary<string, string> metadata, byte[] payload)
        {
            if (id == null) throw new ArgumentNullException(nameof(id));
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            if (payload == null) throw new ArgumentNullException(nameof(payload));
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(SpoolWriter));

            var idHash = SpoolLayout.IdHash(id);
            // Deliveries of the same id wait for each other: a duplicate is answered only once the first copy is
            // really on the disk (if that write fails, the duplicate is stored instead).
            IdGate gate;
            lock (_inflight)
            {
                if (!_inflight.TryGetValue(idHash, out gate!)) _inflight[idHash] = gate = new IdGate();
                gate.Users++;
            }
            try
            {
                lock (gate) return AppendOne(id, idHash, metadata, payload);
            }
            finally
            {
                lock (_inflight)
                {
                    if (--gate.Users == 0) _inflight.Remove(idHash);
                }
            }
        }

        private SpoolAppendResult AppendOne(string id, string idHash, IReadOnlyDictionary<string, string> metadata, byte[] payload)
        {
            var marker = _layout.MarkerPath(idHash);
            // A marker is never removed while its item is pending, so this cheap check answers most duplicates
            // without writing anything; CreateNew below settles races.
            if (File.Exists(marker)) return SpoolAppendResult.Duplicate;

            var owner = Guid.NewGuid().ToString("N");
            var temp = _layout.TempPath(idHash, owner);
            // The header keeps the arrival time (recovery names a promoted item by it); readers see the commit time.
            var file = SpoolLayout.Encode(id, DateTimeOffset.UtcNow, metadata, payload);
            bool claimed = false;
            try
            {
                SpoolLayout.WriteNewFile(temp, file, _options.FlushToDisk);
                StepHook?.Invoke(SpoolStep.TempWritten);

                if (!TryClaim(marker, owner))
                {
                    File.Delete(temp);
                    return SpoolAppendResult.Duplicate;
                }
                claimed = true;
                StepHook?.Invoke(SpoolStep.Claimed);

                long generation;
                lock (_commit)
                {
                    // Named and renamed under one lock, so names appear in pending/ in the order they sort.
                    var name = SpoolLayout.PendingName(NextTicks(), idHash);
                    File.Move(temp, _layout.PendingPath(name));
                    generation = ++_renamed;
                }
                StepHook?.Invoke(SpoolStep.Renamed);
                if (_options.FlushToDisk) MakeRenameDurable(generation);
            }
            catch (Exception ex) when (!(ex is SimulatedCrashException))
            {
                // A failure we live through (disk full, ...): undo, so the sender's retry is not taken for a duplicate.
                TryDelete(temp);
                if (claimed) TryDelete(marker);
                throw;
            }
            MaybePurge();
            return SpoolAppendResult.Stored;
        }

        // Group commit: one fsync of pending/ makes every rename done before it durable, so a delivery whose rename an
        // fsync already in progress may have missed waits for the next one, and one fsync serves all that waited.
        private void MakeRenameDurable(long generation)
        {
            lock (_dirSync)
            {
                while (true)
                {
                    if (_durableUpTo >= generation) return;
                    if (!_dirSyncRunning) break;
                    Monitor.Wait(_dirSync);
                }
                _dirSyncRunning = true;
            }
            long covered = Interlocked.Read(ref _renamed);
            try
            {
                DirectorySync.Flush(_layout.Pending);
            }
            finally
            {
                lock (_dirSync)
                {
                    _dirSyncRunning = false;
                    if (covered > _durableUpTo) _durableUpTo = covered;
                    Monitor.PulseAll(_dirSync);
                }
            }
        }

        /// <summary>Whether an item with this id was stored within the de-duplication window.</summary>
        public bool Contains(string id) => File.Exists(_layout.MarkerPath(SpoolLayout.IdHash(id)));

        /// <summary>Items waiting in pending/.</summary>
        public int PendingCount => _layout.ListPending().Count;

        private bool TryClaim(string marker, string owner)
        {
            try
            {
                using var stream = new FileStream(marker, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                var bytes = Encoding.ASCII.GetBytes(owner);
                stream.Write(bytes, 0, bytes.Length);
                return true;
            }
            catch (IOException) when (File.Exists(marker))
            {
                return false;
            }
        }

        // Unique, increasing ticks for names even when the clock stands still or steps back.
        private long NextTicks()
        {
            long now = DateTime.UtcNow.Ticks;
            _lastTicks = now > _lastTicks ? now : _lastTicks + 1;
            return _lastTicks;
        }

        private void MaybePurge()
        {
            if (DateTime.UtcNow.Ticks < Interlocked.Read(ref _nextPurgeTicks)) return;
            if (Interlocked.Exchange(ref _purging, 1) != 0) return;
            Interlocked.Exchange(ref _nextPurgeTicks, DateTime.UtcNow.Add(PurgeInterval).Ticks);
            Task.Run(() =>
            {
                try { Purge(); }
                catch (IOException) { /* next time */ }
                catch (UnauthorizedAccessException) { /* next time */ }
                finally { Volatile.Write(ref _purging, 0); }
            });
        }

        /// <summary>Forgets ids stored longer ago than the window whose items are no longer pending.</summary>
        internal int Purge()
        {
            var cutoff = DateTime.UtcNow - _options.DedupRetention;
            var pending = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in _layout.ListPending()) pending.Add(SpoolLayout.IdHashOfPending(name)!);
            int purged = 0;
            foreach (var marker in Directory.EnumerateFiles(_layout.Ids))
            {
                if (Volatile.Read(ref _disposed) != 0) break;
                var hash = System.IO.Path.GetFileName(marker);
                if (pending.Contains(hash)) continue;
                if (File.GetLastWriteTimeUtc(marker) >= cutoff) continue;
                if (TryDelete(marker)) purged++;
            }
            return purged;
        }

        /// <summary>Promotes or discards what a crashed writer left in tmp/ (the caller holds the writer lock).</summary>
        internal static SpoolRecovery Recover(SpoolLayout layout)
        {
            int promoted = 0, discarded = 0;
            if (!Directory.Exists(layout.Temp)) return new SpoolRecovery(0, 0);
            var temps = new List<string>(Directory.EnumerateFiles(layout.Temp));
            temps.Sort(StringComparer.Ordinal);
            foreach (var temp in temps)
            {
                var parsed = SpoolLayout.ParseTempName(System.IO.Path.GetFileName(temp));
                if (parsed == null)
                {
                    if (TryDelete(temp)) discarded++;
                    continue;
                }
                var (idHash, owner) = parsed.Value;
                var marker = layout.MarkerPath(idHash);
                string? markerOwner = null;
                if (File.Exists(marker))
                {
                    try { markerOwner = File.ReadAllText(marker).Trim(); }
                    catch (IOException) { markerOwner = null; }
                }
                // The marker names the temp file that claimed the id; an empty marker means the crash came between
                // creating it and writing the name, so the (complete) temp file for that id is the owner.
                bool owns = markerOwner != null && (markerOwner == owner || markerOwner.Length == 0);
                SpoolItem? item = null;
                if (owns)
                {
                    var bytes = SpoolLayout.TryReadAll(temp);
                    try { item = bytes == null ? null : SpoolLayout.Decode(string.Empty, bytes); }
                    catch (InvalidDataException) { item = null; }
                }
                if (item != null)
                {
                    var name = SpoolLayout.PendingName(Math.Max(item.ReceivedAt.UtcTicks, 1), idHash);
                    var target = layout.PendingPath(name);
                    while (File.Exists(target))
                    {
                        name = SpoolLayout.PendingName(long.Parse(name.Substring(0, 19), System.Globalization.CultureInfo.InvariantCulture) + 1, idHash);
                        target = layout.PendingPath(name);
                    }
                    File.Move(temp, target);
                    if (markerOwner != owner) File.WriteAllText(marker, owner);
                    promoted++;
                }
                else
                {
                    // Not claimed (the sender got no answer and will send again), or claimed but torn: then the claim
                    // goes too, or the redelivery would be dropped as a duplicate.
                    if (owns) TryDelete(marker);
                    if (TryDelete(temp)) discarded++;
                }
            }
            if (promoted > 0) DirectorySync.Flush(layout.Pending);
            return new SpoolRecovery(promoted, discarded);
        }

        private static bool TryDelete(string path)
        {
            try
            {
                File.Delete(path);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _lock.Dispose();
        }
    }

    /// <summary>What recovery found when a spool was opened: temp files promoted into pending/ and discarded.</summary>
    public sealed class SpoolRecovery
    {
        public SpoolRecovery(int promoted, int discarded)
        {
            Promoted = promoted;
            Discarded = discarded;
        }

        public int Promoted { get; }
        public int Discarded { get; }
    }

    /// <summary>Another process (or another listener in this one) holds the spool.</summary>
    public sealed class SpoolBusyException : IOException
    {
        public SpoolBusyException(string path, string message) : base(message) => SpoolPath = path;

        public string SpoolPath { get; }
    }

    internal sealed class IdGate
    {
        public int Users;
    }

    internal enum SpoolStep
    {
        TempWritten,
        Claimed,
        Renamed,
    }

    /// <summary>Thrown by tests from <see cref="SpoolWriter.StepHook"/> to leave the files as a crash would.</summary>
    internal sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException(string message) : base(message) { }
    }
}
