using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.Engine.LimeGo.Feed
{
    /// <summary>One event kept in the spool: its spool sequence number and the event's JSON as the service sent it.</summary>
    internal sealed class SpoolRecord
    {
        public SpoolRecord(long sequence, string json)
        {
            Sequence = sequence;
            Json = json;
        }

        public long Sequence { get; }

        public string Json { get; }
    }

    /// <summary>
    /// The durable local spool of the Lime Go feed, one folder per account. The service forgets an event once it has
    /// handed it out, so every fetched batch is written here, and fsync'd, before any of it reaches the pipeline; an
    /// event leaves the spool only once the pipeline took it.
    /// <para>Files:</para>
    /// <list type="bullet">
    /// <item><c>events.log</c>: append-only, one event per line, <c>&lt;seq&gt; &lt;crc32&gt; &lt;json&gt;</c>; sequence numbers
    /// only ever grow. A batch is appended with a single write and made durable with fsync (FileStream.Flush(true)).</item>
    /// <item><c>acks.log</c>: append-only 16-byte records (sequence, its complement): the last valid one is the highest
    /// sequence the pipeline took. Each is written straight to the operating system (it survives a killed process) and
    /// fsync'd when a run ends; after a power loss at worst the last events taken are delivered again, never lost.
    /// (Sequences restart only after both files were emptied durably, so an old acknowledgement never covers a new
    /// event.)</item>
    /// <item><c>spool.lock</c>: held exclusively by the one reader that drains (FileShare.None, which the OS releases when a
    /// process dies), so two drains never interleave.</item>
    /// </list>
    /// <para>Recovery (on open): a torn tail in either file (a crash mid-write) fails its checksum and is cut off; pending
    /// events are those above the acknowledged sequence, in order. When every event is acknowledged (when a run ends, or
    /// mid-run once the log passes 1 MiB) the files are truncated, events first, then acks, each fsync'd, so a crash
    /// between the two steps cannot revive or lose anything.
    /// New sequence numbers always start above both the last event and the last acknowledgement.</para>
    /// </summary>
    internal sealed class LimeGoSpool : IDisposable
    {
        internal const string EventsFileName = "events.log";
        internal const string AcksFileName = "acks.log";
        internal const string LockFileName = "spool.lock";
        private const int AckRecordSize = 16;

        // Emptying the files costs two fsyncs: do it when a run ends, or mid-run once the log has grown this big.
        private const long CompactThreshold = 1024 * 1024;

        private readonly FileStream _lock;
        private readonly FileStream _events;
        private readonly FileStream _acks;
        private readonly Queue<SpoolRecord> _pending;
        private long _acked;
        private long _nextSequence;
        private bool _disposed;

        private LimeGoSpool(string directory, FileStream lockFile, FileStream events, FileStream acks, List<SpoolRecord> records, long acked)
        {
            Directory = directory;
            _lock = lockFile;
            _events = events;
            _acks = acks;
            _acked = acked;
            _pending = new Queue<SpoolRecord>();
            long last = 0;
            foreach (var r in records)
            {
                last = r.Sequence;
                if (r.Sequence > acked) _pending.Enqueue(r);
            }
            _nextSequence = Math.Max(last, acked) + 1;
        }

        public string Directory { get; }

        /// <summary>Events fetched but not yet taken by the pipeline.</summary>
        public int PendingCount => _pending.Count;

        /// <summary>The oldest pending event, or null.</summary>
        public SpoolRecord? Head => _pending.Count > 0 ? _pending.Peek() : null;

        /// <summary>Opens the spool in <paramref name="directory"/> for draining (exclusive) and recovers it after a crash.</summary>
        public static LimeGoSpool Open(string directory)
        {
            CreateDirectory(directory);
            FileStream lockFile;
            try
            {
                lockFile = new FileStream(System.IO.Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (!(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException))
            {
                throw new CrmException(LimeGoConnection.ServicePrefix, CrmErrorKind.Conflict,
                    $"The feed spool '{directory}' is in use by another Get-LimeGoFeed (in this or another process): {ex.Message}", ex)
                { ErrorId = "SpoolInUse" };
            }
            FileStream? events = null, acks = null;
            try
            {
                events = OpenData(directory, EventsFileName);
                acks = OpenData(directory, AcksFileName);
                var (records, validEvents) = ReadEvents(events);
                if (validEvents < events.Length)
                {
                    CrmLog.Warning($"The feed spool's last write was cut short ({events.Length - validEvents} bytes after event {(records.Count > 0 ? records[records.Count - 1].Sequence : 0)}); " +
                                   "those bytes were never delivered and are dropped.");
                    events.SetLength(validEvents);
                    events.Flush(true);
                }
                var (acked, validAcks) = ReadAcks(acks);
                if (validAcks < acks.Length)
                {
                    acks.SetLength(validAcks);
                    acks.Flush(true);
                }
                var spool = new LimeGoSpool(directory, lockFile, events, acks, records, acked);
                if (spool.PendingCount == 0) spool.Compact();
                return spool;
            }
            catch (Exception ex)
            {
                events?.Dispose();
                acks?.Dispose();
                lockFile.Dispose();
                if (ex is IOException || ex is UnauthorizedAccessException) throw Unusable(directory, ex);
                throw;
            }
        }

        /// <summary>The pending events of the spool in <paramref name="directory"/>, read without taking the lock (-Peek).</summary>
        public static IReadOnlyList<SpoolRecord> ReadPending(string directory)
        {
            var events = System.IO.Path.Combine(directory, EventsFileName);
            if (!File.Exists(events)) return Array.Empty<SpoolRecord>();
            try
            {
                List<SpoolRecord> records;
                using (var stream = new FileStream(events, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)) records = ReadEvents(stream).Records;
                long acked = 0;
                var acksPath = System.IO.Path.Combine(directory, AcksFileName);
                if (File.Exists(acksPath))
                {
                    using var stream = new FileStream(acksPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    acked = ReadAcks(stream).Acked;
                }
                return records.FindAll(r => r.Sequence > acked);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Unusable(directory, ex);
            }
        }

        /// <summary>
        /// Appends a fetched batch and makes it durable (fsync) before returning it. If that fails the batch is not in
        /// the spool and the error says so: those events are already gone from the service.
        /// </summary>
        public IReadOnlyList<SpoolRecord> Append(IReadOnlyList<string> jsonEvents)
        {
            ThrowIfDisposed();
            var records = new List<SpoolRecord>(jsonEvents.Count);
            using var buffer = new MemoryStream();
            var sequence = _nextSequence;
            foreach (var json in jsonEvents)
            {
                var record = new SpoolRecord(sequence++, json);
                WriteLine(buffer, record);
                records.Add(record);
            }
            var start = _events.Length;
            try
            {
                _events.Seek(0, SeekOrigin.End);
                _events.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                _events.Flush(true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                try
                {
                    _events.SetLength(start);
                }
                catch (IOException)
                {
                    // Recovery on the next open cuts a torn tail anyway.
                }
                throw new LimeGoSpoolWriteException(
                    $"{jsonEvents.Count} events fetched from the feed could not be written to the spool '{Directory}' ({ex.Message}). " +
                    "They are no longer on the service: they are attached to this error as its target object.", ex,
                    jsonEvents.Select(LimeGoFeedReader.Parse).ToList());
            }
            _nextSequence = sequence;
            foreach (var r in records) _pending.Enqueue(r);
            return records;
        }

        /// <summary>Records that the pipeline took the oldest pending event (<paramref name="sequence"/>).</summary>
        public void Acknowledge(long sequence)
        {
            ThrowIfDisposed();
            if (_pending.Count == 0 || _pending.Peek().Sequence != sequence)
            {
                throw new InvalidOperationException($"Event {sequence} is not the oldest pending event of the spool.");
            }
            var record = new byte[AckRecordSize];
            WriteInt64(record, 0, sequence);
            WriteInt64(record, 8, ~sequence);
            _acks.Seek(0, SeekOrigin.End);
            _acks.Write(record, 0, record.Length);
            _acked = sequence;
            _pending.Dequeue();
            if (_pending.Count == 0 && _events.Length >= CompactThreshold) Compact();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (_pending.Count > 0) _acks.Flush(true);
                else Compact();
            }
            catch (IOException ex)
            {
                CrmLog.Warning($"The feed spool's acknowledgements could not be synced to disk ({ex.Message}); after a power loss some events may be delivered again.");
            }
            finally
            {
                _events.Dispose();
                _acks.Dispose();
                _lock.Dispose();
            }
        }

        // Every event was taken: empty the files. Events first: if we stop between the steps, the remaining
        // acknowledgements only refer to sequences that no longer exist, and new sequences start above them.
        private void Compact()
        {
            if (_events.Length > 0)
            {
                _events.SetLength(0);
                _events.Flush(true);
            }
            if (_acks.Length > 0)
            {
                _acks.SetLength(0);
                _acks.Flush(true);
            }
        }

        private static void WriteLine(Stream stream, SpoolRecord record)
        {
            var sequence = Encoding.ASCII.GetBytes(record.Sequence.ToString(CultureInfo.InvariantCulture));
            var json = Encoding.UTF8.GetBytes(record.Json);
            var crc = Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Initial, sequence, 0, sequence.Length), json, 0, json.Length));
            var crcText = Encoding.ASCII.GetBytes(crc.ToString("x8", CultureInfo.InvariantCulture));
            stream.Write(sequence, 0, sequence.Length);
            stream.WriteByte((byte)' ');
            stream.Write(crcText, 0, crcText.Length);
            stream.WriteByte((byte)' ');
            stream.Write(json, 0, json.Length);
            stream.WriteByte((byte)'\n');
        }

        /// <summary>The valid records from the start, and the length they span (anything after is a torn write).</summary>
        private static (List<SpoolRecord> Records, long ValidLength) ReadEvents(FileStream stream)
        {
            var data = ReadAll(stream);
            var records = new List<SpoolRecord>();
            long previous = 0;
            var start = 0;
            while (start < data.Length)
            {
                var end = Array.IndexOf(data, (byte)'\n', start);
                if (end < 0) break;
                var record = ParseLine(data, start, end - start);
                if (record == null || record.Sequence <= previous) break;
                records.Add(record);
                previous = record.Sequence;
                start = end + 1;
            }
            return (records, start);
        }

        private static SpoolRecord? ParseLine(byte[] data, int offset, int count)
        {
            var firstSpace = Array.IndexOf(data, (byte)' ', offset, count);
            if (firstSpace <= offset || firstSpace + 10 > offset + count || data[firstSpace + 9] != (byte)' ') return null;
            var sequenceText = Encoding.ASCII.GetString(data, offset, firstSpace - offset);
            var crcText = Encoding.ASCII.GetString(data, firstSpace + 1, 8);
            if (!long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence <= 0) return null;
            if (!uint.TryParse(crcText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc)) return null;
            var jsonStart = firstSpace + 10;
            var jsonLength = offset + count - jsonStart;
            var actual = Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Initial, data, offset, firstSpace - offset), data, jsonStart, jsonLength));
            if (actual != crc) return null;
            return new SpoolRecord(sequence, Encoding.UTF8.GetString(data, jsonStart, jsonLength));
        }

        private static (long Acked, long ValidLength) ReadAcks(FileStream stream)
        {
            var data = ReadAll(stream);
            long acked = 0;
            var offset = 0;
            for (; offset + AckRecordSize <= data.Length; offset += AckRecordSize)
            {
                var sequence = ReadInt64(data, offset);
                if (ReadInt64(data, offset + 8) != ~sequence || sequence < acked) break;
                acked = sequence;
            }
            return (acked, offset);
        }

        private static byte[] ReadAll(FileStream stream)
        {
            stream.Seek(0, SeekOrigin.Begin);
            var data = new byte[stream.Length];
            var read = 0;
            while (read < data.Length)
            {
                var n = stream.Read(data, read, data.Length - read);
                if (n == 0) break;
                read += n;
            }
            if (read < data.Length) Array.Resize(ref data, read);
            return data;
        }

        private static FileStream OpenData(string directory, string name) =>
            // bufferSize 1: no managed buffer, every Write is a system call, so nothing waits in this process's memory.
            new FileStream(System.IO.Path.Combine(directory, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);

        private static void CreateDirectory(string directory)
        {
            try
            {
#if NET
                if (!OperatingSystem.IsWindows())
                {
                    // The events are business data: keep the folder to its owner.
                    System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    return;
                }
#endif
                System.IO.Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw Unusable(directory, ex);
            }
        }

        private static CrmException Unusable(string directory, Exception ex) =>
            new CrmException(LimeGoConnection.ServicePrefix, CrmErrorKind.Other, $"The feed spool '{directory}' cannot be used: {ex.Message}", ex)
            { ErrorId = "SpoolUnavailable" };

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(LimeGoSpool));
        }

        private static void WriteInt64(byte[] buffer, int offset, long value)
        {
            for (var i = 0; i < 8; i++) buffer[offset + i] = (byte)(value >> (8 * i));
        }

        private static long ReadInt64(byte[] buffer, int offset)
        {
            long value = 0;
            for (var i = 0; i < 8; i++) value |= (long)buffer[offset + i] << (8 * i);
            return value;
        }
    }
}

namespace CrmTools.Engine.LimeGo
{
    /// <summary>A fetched batch could not be written to the spool (disk full, no access). The events are gone from the
    /// service; <see cref="Events"/> holds them so they are not lost with the error (ErrorId LimeGo.SpoolWriteFailed).</summary>
    public sealed class LimeGoSpoolWriteException : CrmException
    {
        internal LimeGoSpoolWriteException(string message, Exception inner, IReadOnlyList<LimeGoEvent> events)
            : base(LimeGoConnection.ServicePrefix, CrmErrorKind.Other, message, inner)
        {
            Events = events;
            ErrorId = "SpoolWriteFailed";
        }

        public IReadOnlyList<LimeGoEvent> Events { get; }
    }
}
