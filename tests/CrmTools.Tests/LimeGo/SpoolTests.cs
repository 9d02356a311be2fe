using System;
using System.IO;
using System.Linq;
using System.Text;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo.Feed;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>The feed spool's files after crashes at every awkward point (unit tests of the engine's LimeGoSpool).</summary>
    public sealed class SpoolTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "crmtools-spool-unit-" + Guid.NewGuid().ToString("N"));

        private string Events => Path.Combine(_dir, LimeGoSpool.EventsFileName);
        private string Acks => Path.Combine(_dir, LimeGoSpool.AcksFileName);

        private static string[] Json(params int[] positions) => positions.Select(p => "{\"position\":" + p + "}").ToArray();

        [Fact]
        public void Unacknowledged_events_survive_a_reopen_in_order()
        {
            using (var spool = LimeGoSpool.Open(_dir))
            {
                spool.Append(Json(1, 2, 3));
                spool.Acknowledge(spool.Head!.Sequence);
            }
            using (var spool = LimeGoSpool.Open(_dir))
            {
                Assert.Equal(2, spool.PendingCount);
                Assert.Equal("{\"position\":2}", spool.Head!.Json);
                spool.Acknowledge(spool.Head.Sequence);
                spool.Acknowledge(spool.Head!.Sequence);
                Assert.Null(spool.Head);
            }
            Assert.Equal(0, new FileInfo(Events).Length);
            Assert.Equal(0, new FileInfo(Acks).Length);
        }

        [Fact]
        public void A_torn_last_write_is_cut_off_and_the_complete_records_kept()
        {
            using (var spool = LimeGoSpool.Open(_dir)) spool.Append(Json(1, 2));
            File.AppendAllText(Events, "3 0badc0de {\"posit");   // a crash in the middle of the next batch
            using (var spool = LimeGoSpool.Open(_dir))
            {
                Assert.Equal(2, spool.PendingCount);
                spool.Append(Json(3));
                Assert.Equal(3, spool.PendingCount);
            }
            Assert.Equal(new[] { 1L, 2L, 3L }, LimeGoSpool.ReadPending(_dir).Select(r => r.Sequence));
        }

        [Fact]
        public void A_garbled_record_fails_its_checksum()
        {
            using (var spool = LimeGoSpool.Open(_dir)) spool.Append(Json(1, 2));
            var bytes = File.ReadAllBytes(Events);
            bytes[bytes.Length - 3] ^= 0x20;   // a bit flipped inside the last record's JSON
            File.WriteAllBytes(Events, bytes);
            Assert.Single(LimeGoSpool.ReadPending(_dir));
        }

        [Fact]
        public void A_torn_acknowledgement_only_means_that_event_comes_again()
        {
            using (var spool = LimeGoSpool.Open(_dir))
            {
                spool.Append(Json(1, 2, 3));
                spool.Acknowledge(1);
            }
            File.AppendAllBytes(Acks, new byte[] { 2, 0, 0, 0, 0, 0, 0 });   // 7 of the 16 bytes of "2 taken"
            using var reopened = LimeGoSpool.Open(_dir);
            Assert.Equal(2, reopened.Head!.Sequence);
            Assert.Equal(16, new FileInfo(Acks).Length);
        }

        [Fact]
        public void New_events_never_reuse_an_acknowledged_sequence_after_a_crash_during_compaction()
        {
            using (var spool = LimeGoSpool.Open(_dir))
            {
                spool.Append(Json(1, 2, 3, 4, 5));
                for (var i = 1; i <= 4; i++) spool.Acknowledge(i);
            }
            // The state a crash between "truncate events" and "truncate acks" leaves: no events, acks up to 4.
            File.WriteAllBytes(Events, Array.Empty<byte>());
            using (var spool = LimeGoSpool.Open(_dir))
            {
                Assert.Equal(0, spool.PendingCount);
                var appended = spool.Append(Json(6));
                Assert.True(appended[0].Sequence > 4);
            }
            Assert.Equal(new[] { "{\"position\":6}" }, LimeGoSpool.ReadPending(_dir).Select(r => r.Json));
        }

        [Fact]
        public void Only_one_reader_drains_a_spool_at_a_time_and_peeking_needs_no_lock()
        {
            using var first = LimeGoSpool.Open(_dir);
            first.Append(Json(1));
            var busy = Assert.Throws<CrmException>(() => LimeGoSpool.Open(_dir));
            Assert.Equal("SpoolInUse", busy.ErrorId);
            Assert.Single(LimeGoSpool.ReadPending(_dir));
        }

        [Fact]
        public void Records_are_one_line_each_with_sequence_and_checksum()
        {
            using (var spool = LimeGoSpool.Open(_dir)) spool.Append(new[] { "{\"text\":\"line\\nbreak é\"}" });
            var line = Encoding.UTF8.GetString(File.ReadAllBytes(Events));
            Assert.Matches("^1 [0-9a-f]{8} \\{\"text\":\"line\\\\nbreak é\"\\}\n$", line);
        }

        public void Dispose()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        }
    }
}
