using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CrmTools.Engine.Spool
{
    /// <summary>
    /// The spool on disk, shared by <see cref="SpoolWriter"/> and <see cref="SpoolReader"/>:
    /// <code>
    /// &lt;root&gt;/pending/&lt;ticks:19&gt;-&lt;idhash&gt;.item   committed items; the name sorts oldest first
    /// &lt;root&gt;/tmp/&lt;idhash&gt;-&lt;guid&gt;.tmp          items being written (promoted or discarded on open)
    /// &lt;root&gt;/ids/&lt;idhash&gt;                     de-duplication markers (content: the guid of the temp file that owns the id)
    /// &lt;root&gt;/failed/                          items that could not be read, moved aside so they do not block the rest
    /// &lt;root&gt;/writer.lock, reader.lock         held (exclusively) by the one writer and the one consuming reader
    /// </code>
    /// An item file is a header line, a JSON line (id, receivedAt, bodyLength, metadata) and the payload bytes.
    /// </summary>
    internal sealed class SpoolLayout
    {
        internal const string ItemExtension = ".item";
        private const string TempExtension = ".tmp";
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("CRMTOOLS-SPOOL 1\n");

        public SpoolLayout(string root)
        {
            if (string.IsNullOrWhiteSpace(root)) throw new ArgumentException("The spool path is empty.", nameof(root));
            Root = Path.GetFullPath(root);
            Pending = Path.Combine(Root, "pending");
            Temp = Path.Combine(Root, "tmp");
            Ids = Path.Combine(Root, "ids");
            Failed = Path.Combine(Root, "failed");
        }

        public string Root { get; }
        public string Pending { get; }
        public string Temp { get; }
        public string Ids { get; }
        public string Failed { get; }
        public string WriterLock => Path.Combine(Root, "writer.lock");
        public string ReaderLock => Path.Combine(Root, "reader.lock");

        public void EnsureDirectories()
        {
#if NET8_0_OR_GREATER
            // Deliveries hold customer data: a spool folder this creates is readable by its owner only (on Windows the
            // per-user default folder is private already).
            if (!OperatingSystem.IsWindows() && !Directory.Exists(Root))
            {
                Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
#endif
            Directory.CreateDirectory(Pending);
            Directory.CreateDirectory(Temp);
            Directory.CreateDirectory(Ids);
        }

        /// <summary>Lower-case hex SHA-256 of the id: a file-name-safe key of any id.</summary>
        public static string IdHash(string id)
        {
            using var sha = SHA256.Create();
            return Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(id)));
        }

        internal static string Hex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        public string MarkerPath(string idHash) => Path.Combine(Ids, idHash);

        public string TempPath(string idHash, string owner) => Path.Combine(Temp, idHash + "-" + owner + TempExtension);

        public static string PendingName(long ticks, string idHash) =>
            ticks.ToString("D19", CultureInfo.InvariantCulture) + "-" + idHash + ItemExtension;

        public string PendingPath(string name) => Path.Combine(Pending, name);

        /// <summary>The id hash in a pending name, or null when the name is not one of ours.</summary>
        public static string? IdHashOfPending(string name)
        {
            if (!name.EndsWith(ItemExtension, StringComparison.Ordinal) || name.Length < 21 || name[19] != '-') return null;
            return name.Substring(20, name.Length - 20 - ItemExtension.Length);
        }

        /// <summary>(id hash, owner guid) of a temp file name, or null.</summary>
        public static (string IdHash, string Owner)? ParseTempName(string name)
        {
            if (!name.EndsWith(TempExtension, StringComparison.Ordinal)) return null;
            var stem = name.Substring(0, name.Length - TempExtension.Length);
            var dash = stem.LastIndexOf('-');
            if (dash <= 0 || dash == stem.Length - 1) return null;
            return (stem.Substring(0, dash), stem.Substring(dash + 1));
        }

        /// <summary>Pending item names, oldest first.</summary>
        public List<string> ListPending()
        {
            var names = new List<string>();
            if (!Directory.Exists(Pending)) return names;
            foreach (var path in Directory.EnumerateFiles(Pending, "*" + ItemExtension))
            {
                var name = Path.GetFileName(path);
                if (IdHashOfPending(name) != null) names.Add(name);
            }
            names.Sort(StringComparer.Ordinal);
            return names;
        }

        /// <summary>The whole item file: magic, header JSON line, payload.</summary>
        public static byte[] Encode(string id, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string> metadata, byte[] payload)
        {
            using var header = new MemoryStream();
            using (var w = new Utf8JsonWriter(header))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("receivedAt", receivedAt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                w.WriteNumber("bodyLength", payload.Length);
                w.WriteStartObject("metadata");
                foreach (var pair in metadata) w.WriteString(pair.Key, pair.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            var headerBytes = header.ToArray();
            var file = new byte[Magic.Length + headerBytes.Length + 1 + payload.Length];
            Buffer.BlockCopy(Magic, 0, file, 0, Magic.Length);
            Buffer.BlockCopy(headerBytes, 0, file, Magic.Length, headerBytes.Length);
            file[Magic.Length + headerBytes.Length] = (byte)'\n';
            Buffer.BlockCopy(payload, 0, file, Magic.Length + headerBytes.Length + 1, payload.Length);
            return file;
        }

        /// <summary>Reads an item file; throws <see cref="InvalidDataException"/> when it is not a complete item.</summary>
        public static SpoolItem Decode(string name, byte[] file)
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                if (file.Length <= i || file[i] != Magic[i]) throw new InvalidDataException("Not a spool item (bad header).");
            }
            int newline = Array.IndexOf(file, (byte)'\n', Magic.Length);
            if (newline < 0) throw new InvalidDataException("Not a spool item (header line not terminated).");
            string id;
            DateTimeOffset receivedAt;
            int bodyLength;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                using var doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(file, Magic.Length, newline - Magic.Length));
                var root = doc.RootElement;
                id = root.GetProperty("id").GetString() ?? throw new InvalidDataException("The item has no id.");
                receivedAt = DateTimeOffset.Parse(root.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                bodyLength = root.GetProperty("bodyLength").GetInt32();
                if (root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in meta.EnumerateObject()) metadata[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is FormatException || ex is InvalidOperationException)
            {
                throw new InvalidDataException("Not a spool item (unreadable header): " + ex.Message, ex);
            }
            int start = newline + 1;
            if (file.Length - start != bodyLength)
            {
                throw new InvalidDataException($"The item is incomplete ({file.Length - start} of {bodyLength} payload bytes).");
            }
            var payload = new byte[bodyLength];
            Buffer.BlockCopy(file, start, payload, 0, bodyLength);
            // A committed item was accepted when it was renamed into pending/, the moment its name records: concurrent
            // deliveries may finish writing in another order than they arrived, and the spool's order is commit order.
            if (IdHashOfPending(name) != null &&
                long.TryParse(name.Substring(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
                ticks > 0 && ticks <= DateTime.MaxValue.Ticks)
            {
                receivedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            }
            return new SpoolItem(name, id, receivedAt, metadata, payload);
        }

        /// <summary>Writes <paramref name="bytes"/> to a new file and, when asked, flushes it to the disk.</summary>
        public static void WriteNewFile(string path, byte[] bytes, bool flushToDisk)
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk);
        }

        public static byte[]? TryReadAll(string path)
        {
            try
            {
                // FileShare.Delete: the reader may complete (delete) an item while another process peeks at it.
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
                var bytes = new byte[stream.Length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) break;
                    read += n;
                }
                if (read != bytes.Length) Array.Resize(ref bytes, read);
                return bytes;
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
        }

        /// <summary>Opens a lock file exclusively, or returns null when another process (or another open in this one) holds it.</summary>
        public static FileStream? TryLock(string path)
        {
            try
            {
                // FileShare.None is a mandatory lock on Windows and an flock(LOCK_EX) on Linux and macOS; the OS
                // releases it when the process dies, so a killed listener never leaves the spool locked.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Makes a directory's entries (a rename into it) durable. On Linux and macOS that needs an fsync of the directory
    /// itself, which .NET cannot open, so it is done through libc; NTFS journals renames itself, so on Windows this
    /// does nothing. Best effort: if libc cannot be reached the data files are still fsync'd.
    /// </summary>
    internal static class DirectorySync
    {
        private static readonly bool Supported = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        private static volatile bool _broken;

        public static void Flush(string directory)
        {
            if (!Supported || _broken) return;
            try
            {
                int fd = NativeMethods.open(directory, 0 /* O_RDONLY */);
                if (fd < 0) return;
                try
                {
                    NativeMethods.fsync(fd);
                }
                finally
                {
                    NativeMethods.close(fd);
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                _broken = true;
            }
        }

        private static class NativeMethods
        {
            // Only called on Linux and macOS, where the default (ANSI) marshalling of a string is UTF-8.
            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
#pragma warning disable IDE1006 // libc names
            public static extern int open(string path, int flags);

            [DllImport("libc", SetLastError = true)]
            public static extern int fsync(int fd);

            [DllImport("libc", SetLastError = true)]
            public static extern int close(int fd);
#pragma warning restore IDE1006
        }
    }
}
