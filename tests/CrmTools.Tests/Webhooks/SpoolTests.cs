using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Spool;
using Xunit;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>A spool folder under the temp directory, deleted afterwards.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder(string prefix = "crmtools-spool")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        }

        public string Path { get; }

        public string Sub(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
            catch (IOException) { /* a listener of a failed test may still hold it */ }
        }
    }

    /// <summary>The durable spool on its own: order, de-duplication, crash recovery, locking, purging.</summary>
    public sealed class SpoolTests : IDisposable
    {
        private static readonly IReadOnlyDictionary<string, string> Meta = new Dictionary<string, string> { ["k"] = "v" };
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

        private List<SpoolItem> ReadAll(SpoolReader reader) =>
            reader.ListPending().Select(n => reader.Read(n)!).ToList();

        [Fact]
        public void Items_come_back_oldest_first_with_their_metadata_and_payload()
        {
            using (var writer = SpoolWriter.Open(_dir.Path))
            {
                for (int i = 0; i < 40; i++)
                {
                    Assert.Equal(SpoolAppendResult.Stored, writer.Append("id-" + i, new Dictionary<string, string> { ["n"] = i.ToString() }, Bytes("{\"n\":" + i + "}")));
                }
            }
            using var reader = SpoolReader.Open(_dir.Path, consume: true);
            var items = ReadAll(reader);
            Assert.Equal(Enumerable.Range(0, 40).Select(i => "id-" + i), items.Select(i => i.Id));
            Assert.Equal("7", items[7].Get("n"));
            Assert.Equal("{\"n\":7}", Encoding.UTF8.GetString(items[7].Payload));
            Assert.True(items.Zip(items.Skip(1), (a, b) => a.ReceivedAt <= b.ReceivedAt).All(x => x));
            Assert.True(items.Select(i => i.Name).SequenceEqual(items.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal)));
        }

        [Fact]
        public void A_duplicate_id_is_stored_once_also_after_the_first_was_completed_and_the_spool_reopened()
        {
            using (var writer = SpoolWriter.Open(_dir.Path))
            {
                Assert.Equal(SpoolAppendResult.Stored, writer.Append("ppl:1", Meta, Bytes("a")));
                Assert.Equal(SpoolAppendResult.Duplicate, writer.Append("ppl:1", Meta, Bytes("b")));
                Assert.Equal(SpoolAppendResult.Stored, writer.Append("ppl:2", Meta, Bytes("c")));
            }
            using (var reader = SpoolReader.Open(_dir.Path, consume: true))
            {
                var items = ReadAll(reader);
                Assert.Equal(new[] { "ppl:1", "ppl:2" }, items.Select(i => i.Id));
                Assert.Equal("a", Encoding.UTF8.GetString(items[0].Payload));
                foreach (var item in items) reader.Complete(item);
                Assert.Equal(0, reader.PendingCount);
            }
            using (var writer = SpoolWriter.Open(_dir.Path))
            {
                Assert.Equal(SpoolAppendResult.Duplicate, writer.Append("ppl:1", Meta, Bytes("again")));
                Assert.Equal(0, writer.PendingCount);
            }
        }

        [Fact]
        public void Parallel_writers_store_every_id_exactly_once()
        {
            const int ids = 400;
            var results = new ConcurrentBag<(string Id, SpoolAppendResult Result)>();
            using (var writer = SpoolWriter.Open(_dir.Path, new SpoolOptions { FlushToDisk = false }))
            {
                // Each id twice, in an order that puts copies on different threads at nearly the same moment.
                var work = Enumerable.Range(0, ids).SelectMany(i => new[] { i, i }).ToArray();
                Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
                    results.Add(("ev-" + i, writer.Append("ev-" + i, Meta, Bytes("payload " + i)))));
            }
            Assert.Equal(ids, results.Count(r => r.Result == SpoolAppendResult.Stored));
            Assert.All(results.GroupBy(r => r.Id), g => Assert.Equal(1, g.Count(r => r.Result == SpoolAppendResult.Stored)));
            using var reader = SpoolReader.Open(_dir.Path, consume: false);
            var stored = ReadAll(reader).Select(i => i.Id).ToList();
            Assert.Equal(ids, stored.Count);
            Assert.Equal(ids, stored.Distinct().Count());
        }

        [Fact]
        public void A_crash_before_the_id_was_claimed_discards_the_item_so_the_redelivery_is_stored()
        {
            var writer = SpoolWriter.Open(_dir.Path);
            writer.StepHook = step => { if (step == SpoolStep.TempWritten) throw new SimulatedCrashException("crash"); };
            Assert.Throws<SimulatedCrashException>(() => writer.Append("ppl:7", Meta, Bytes("first")));
            writer.Dispose(); // the process is gone: its lock is released, its files stay as they are
            Assert.Single(Directory.GetFiles(_dir.Sub("tmp")));

            using var reopened = SpoolWriter.Open(_dir.Path);
            Assert.Equal(0, reopened.Recovery.Promoted);
            Assert.Equal(1, reopened.Recovery.Discarded);
            Assert.Empty(Directory.GetFiles(_dir.Sub("tmp")));
            Assert.Equal(SpoolAppendResult.Stored, reopened.Append("ppl:7", Meta, Bytes("redelivered")));
            Assert.Equal(1, reopened.PendingCount);
        }

        [Fact]
        public void A_crash_after_the_id_was_claimed_keeps_the_item_and_the_redelivery_is_a_duplicate()
        {
            using (var first = SpoolWriter.Open(_dir.Path))
            {
                first.Append("ppl:1", Meta, Bytes("before"));
            }
            var writer = SpoolWriter.Open(_dir.Path);
            writer.StepHook = step => { if (step == SpoolStep.Claimed) throw new SimulatedCrashException("crash"); };
            Assert.Throws<SimulatedCrashException>(() => writer.Append("ppl:2", Meta, Bytes("claimed")));
            writer.Dispose();

            // A reader finds it even before the listener comes back (no writer holds the spool, so it recovers).
            using (var reader = SpoolReader.Open(_dir.Path, consume: false))
            {
                Assert.Equal(1, reader.Recovery!.Promoted);
                var items = ReadAll(reader);
                Assert.Equal(new[] { "ppl:1", "ppl:2" }, items.Select(i => i.Id));
                Assert.Equal("claimed", Encoding.UTF8.GetString(items[1].Payload));
            }
            using var reopened = SpoolWriter.Open(_dir.Path);
            Assert.Equal(SpoolAppendResult.Duplicate, reopened.Append("ppl:2", Meta, Bytes("redelivered")));
            Assert.Equal(2, reopened.PendingCount);
        }

        [Fact]
        public void A_crash_between_creating_the_marker_and_naming_its_owner_still_keeps_the_item()
        {
            var writer = SpoolWriter.Open(_dir.Path);
            writer.StepHook = step => { if (step == SpoolStep.Claimed) throw new SimulatedCrashException("crash"); };
            Assert.Throws<SimulatedCrashException>(() => writer.Append("ppl:3", Meta, Bytes("x")));
            writer.Dispose();
            var marker = Directory.GetFiles(_dir.Sub("ids")).Single();
            File.WriteAllText(marker, string.Empty); // the crash came before the owner's name was written

            using var reopened = SpoolWriter.Open(_dir.Path);
            Assert.Equal(1, reopened.Recovery.Promoted);
            Assert.Equal(1, reopened.PendingCount);
            Assert.Equal(SpoolAppendResult.Duplicate, reopened.Append("ppl:3", Meta, Bytes("again")));
        }

        [Fact]
        public void A_torn_temp_file_is_discarded_with_its_claim()
        {
            var writer = SpoolWriter.Open(_dir.Path);
            writer.StepHook = step => { if (step == SpoolStep.Claimed) throw new SimulatedCrashException("crash"); };
            Assert.Throws<SimulatedCrashException>(() => writer.Append("ppl:4", Meta, Bytes(new string('x', 500))));
            writer.Dispose();
            var temp = Directory.GetFiles(_dir.Sub("tmp")).Single();
            using (var f = new FileStream(temp, FileMode.Open)) f.SetLength(f.Length - 100);

            using var reopened = SpoolWriter.Open(_dir.Path);
            Assert.Equal(0, reopened.Recovery.Promoted);
            Assert.Equal(1, reopened.Recovery.Discarded);
            Assert.Empty(Directory.GetFiles(_dir.Sub("ids")));
            Assert.Equal(SpoolAppendResult.Stored, reopened.Append("ppl:4", Meta, Bytes("whole")));
        }

        [Fact]
        public void A_temp_file_of_a_losing_duplicate_is_discarded_and_the_owner_promoted()
        {
            var writer = SpoolWriter.Open(_dir.Path);
            writer.StepHook = step => { if (step == SpoolStep.Claimed) throw new SimulatedCrashException("crash"); };
            Assert.Throws<SimulatedCrashException>(() => writer.Append("ppl:5", Meta, Bytes("owner")));
            writer.Dispose();
            // A second copy of the same id, written but never claimed (it lost the race when the process died).
            var owner = Directory.GetFiles(_dir.Sub("tmp")).Single();
            var hash = Path.GetFileName(owner).Split('-')[0];
            File.Copy(owner, Path.Combine(_dir.Sub("tmp"), hash + "-" + Guid.NewGuid().ToString("N") + ".tmp"));

            using var reopened = SpoolWriter.Open(_dir.Path);
            Assert.Equal(1, reopened.Recovery.Promoted);
            Assert.Equal(1, reopened.Recovery.Discarded);
            Assert.Equal(1, reopened.PendingCount);
        }

        [Fact]
        public void Ids_older_than_the_window_are_forgotten_unless_their_item_is_still_pending()
        {
            using (var writer = SpoolWriter.Open(_dir.Path))
            {
                writer.Append("done", Meta, Bytes("1"));
                writer.Append("waiting", Meta, Bytes("2"));
            }
            using (var reader = SpoolReader.Open(_dir.Path, consume: true))
            {
                reader.Complete(reader.Read(reader.ListPending()[0])!);
            }
            foreach (var marker in Directory.GetFiles(_dir.Sub("ids"))) File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddDays(-11));
            using var reopened = SpoolWriter.Open(_dir.Path, new SpoolOptions { DedupRetention = TimeSpan.FromDays(10) });
            Assert.False(reopened.Contains("done"));
            Assert.True(reopened.Contains("waiting"));
            Assert.Equal(SpoolAppendResult.Stored, reopened.Append("done", Meta, Bytes("a late copy, past the window")));
            Assert.Equal(SpoolAppendResult.Duplicate, reopened.Append("waiting", Meta, Bytes("x")));
        }

        [Fact]
        public void One_writer_and_one_consumer_at_a_time_while_peeking_readers_are_free()
        {
            using var writer = SpoolWriter.Open(_dir.Path);
            var busy = Assert.Throws<SpoolBusyException>(() => SpoolWriter.Open(_dir.Path));
            Assert.Contains("writing to the spool", busy.Message);
            using var consumer = SpoolReader.Open(_dir.Path, consume: true);
            Assert.Throws<SpoolBusyException>(() => SpoolReader.Open(_dir.Path, consume: true));
            using var peeker = SpoolReader.Open(_dir.Path, consume: false);
            writer.Append("a", Meta, Bytes("1"));
            Assert.Equal(1, peeker.PendingCount);
            Assert.Throws<InvalidOperationException>(() => peeker.Complete(peeker.Read(peeker.ListPending()[0])!));
            var item = consumer.Read(consumer.ListPending()[0])!;
            consumer.Complete(item);
            Assert.Equal(0, peeker.PendingCount);
            Assert.Null(peeker.Read(item.Name));
        }

        [Fact]
        public void A_new_spool_folder_is_private_to_its_owner()
        {
            using (SpoolWriter.Open(_dir.Path)) { }
            if (OperatingSystem.IsWindows()) return;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir.Path));
        }

        [Fact]
        public void An_unreadable_item_can_be_moved_aside()
        {
            using (var writer = SpoolWriter.Open(_dir.Path)) writer.Append("a", Meta, Bytes("1"));
            using var reader = SpoolReader.Open(_dir.Path, consume: true);
            var name = reader.ListPending()[0];
            File.WriteAllText(Path.Combine(_dir.Sub("pending"), name), "garbage");
            Assert.Throws<InvalidDataException>(() => reader.Read(name));
            var moved = reader.MoveToFailed(name);
            Assert.True(File.Exists(moved));
            Assert.Equal(0, reader.PendingCount);
        }

        [Fact]
        public async Task A_waiting_reader_wakes_when_an_item_arrives()
        {
            using var writer = SpoolWriter.Open(_dir.Path);
            using var reader = SpoolReader.Open(_dir.Path, consume: true);
            await reader.WaitForChangeAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None); // starts watching
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var wait = reader.WaitForChangeAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
            await Task.Delay(100);
            writer.Append("a", Meta, Bytes("1"));
            await wait.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the file system notification did not wake the reader");
            Assert.Equal(1, reader.PendingCount);
        }
    }
}
