using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Bulk;
using CrmTools.Engine.Errors;
using Xunit;

namespace CrmTools.Tests.Bulk
{
    /// <summary>
    /// The bulk-write facility (Engine BulkRunner, wrapped by CrmCmdlet.RunBulk): bounded concurrency, input order,
    /// one error per failed item with the item as target, prompt cancellation, global back-off on 429, quota fail-fast.
    /// The sink stands in for the cmdlet: it records what would be written, on the calling thread.
    /// </summary>
    public class BulkRunnerTests
    {
        private sealed class RecordingSink : IBulkSink
        {
            public readonly int Thread = Environment.CurrentManagedThreadId;
            public List<string> Written { get; } = new List<string>();
            public List<(Exception Error, object? Target)> Errors { get; } = new List<(Exception, object?)>();
            public bool WrongThread;

            public void Wait(Task signal, int millisecondsTimeout)
            {
                Check();
                signal.Wait(millisecondsTimeout);
            }

            public void OnError(Exception error, object? target)
            {
                Check();
                Errors.Add((error, target));
                Written.Add("error:" + target);
            }

            public void Result(object value)
            {
                Check();
                Written.Add("ok:" + value);
            }

            private void Check()
            {
                if (Environment.CurrentManagedThreadId != Thread) WrongThread = true;
            }
        }

        /// <summary>Counts operations in flight, and the most at once.</summary>
        private sealed class Gauge
        {
            private int _now;
            public int Max;
            public int Started;

            public async Task<T> Track<T>(Func<Task<T>> body)
            {
                Interlocked.Increment(ref Started);
                var now = Interlocked.Increment(ref _now);
                lock (this) Max = Math.Max(Max, now);
                try
                {
                    return await body().ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _now);
                }
            }
        }

        [Fact]
        public void Every_result_is_written_once_in_input_order_with_at_most_the_limit_in_flight()
        {
            var sink = new RecordingSink();
            var gauge = new Gauge();
            var random = new Random(7);
            var delays = Enumerable.Range(0, 200).Select(_ => random.Next(0, 15)).ToArray();
            using (var runner = new BulkRunner(8, sink, CancellationToken.None))
            {
                for (var i = 0; i < 200; i++)
                {
                    var item = i;
                    runner.Add(item, ct => gauge.Track(async () =>
                    {
                        await Task.Delay(delays[item], ct).ConfigureAwait(false);
                        return item * 10;
                    }), r => sink.Result(r));
                }
                runner.Complete();
                Assert.Equal(200, runner.Stats.Succeeded);
                Assert.Equal(8, runner.Stats.MaxInFlight);
            }
            Assert.Equal(Enumerable.Range(0, 200).Select(i => "ok:" + i * 10), sink.Written);
            Assert.InRange(gauge.Max, 2, 8);
            Assert.False(sink.WrongThread);
        }

        [Fact]
        public void A_limit_of_one_runs_one_item_at_a_time()
        {
            var sink = new RecordingSink();
            var gauge = new Gauge();
            using var runner = new BulkRunner(1, sink, CancellationToken.None);
            for (var i = 0; i < 20; i++)
            {
                var item = i;
                runner.Add(item, ct => gauge.Track(async () => { await Task.Delay(2, ct).ConfigureAwait(false); return item; }), r => sink.Result(r));
            }
            runner.Complete();
            Assert.Equal(1, gauge.Max);
            Assert.Equal(Enumerable.Range(0, 20).Select(i => "ok:" + i), sink.Written);
        }

        [Fact]
        public void Each_failed_item_is_one_error_with_the_item_as_target_and_the_rest_go_on()
        {
            var sink = new RecordingSink();
            using (var runner = new BulkRunner(4, sink, CancellationToken.None))
            {
                for (var i = 0; i < 30; i++)
                {
                    var item = i;
                    runner.Add($"row{item}", async ct =>
                    {
                        await Task.Delay(item % 3, ct).ConfigureAwait(false);
                        if (item % 7 == 3) throw new CrmApiException("Ppl", CrmErrorKind.InvalidRequest, "POST", "https://x/leads", 400, "bad row " + item, null);
                        return item;
                    }, r => sink.Result(r));
                }
                // Fails before its first await (the engine validating input): still reported in its place.
                runner.Add("bad", new Func<CancellationToken, Task<int>>(_ => throw new CrmValidationException("Ppl", "Title", "Title is required.")), r => sink.Result(r));
                runner.Complete();
                Assert.Equal(5, runner.Stats.Failed);
            }
            var expected = Enumerable.Range(0, 30).Select(i => i % 7 == 3 ? "error:row" + i : "ok:" + i).Append("error:bad");
            Assert.Equal(expected, sink.Written);
            Assert.Equal(new object?[] { "row3", "row10", "row17", "row24", "bad" }, sink.Errors.Select(e => e.Target));
            Assert.Contains("bad row 10", sink.Errors[1].Error.Message);
            Assert.IsType<CrmValidationException>(sink.Errors[4].Error);
        }

        [Fact]
        public void Cancelling_stops_promptly_and_cancels_everything_in_flight()
        {
            var sink = new RecordingSink();
            using var cts = new CancellationTokenSource();
            var cancelledInFlight = 0;
            var runner = new BulkRunner(4, sink, cts.Token);
            for (var i = 0; i < 4; i++)
            {
                runner.Add(i, async ct =>
                {
                    try
                    {
                        await Task.Delay(30_000, ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref cancelledInFlight);
                        throw;
                    }
                    return 0;
                }, r => sink.Result(r));
            }
            cts.CancelAfter(100);
            var watch = Stopwatch.StartNew();
            // The fifth item waits for a slot; Ctrl+C ends the wait.
            Assert.ThrowsAny<OperationCanceledException>(() => runner.Add(4, ct => Task.FromResult(4), r => sink.Result(r)));
            Assert.True(watch.ElapsedMilliseconds < 5_000, $"took {watch.ElapsedMilliseconds} ms");
            Assert.ThrowsAny<OperationCanceledException>(() => runner.Complete());
            SpinWait.SpinUntil(() => Volatile.Read(ref cancelledInFlight) == 4, 5_000);
            Assert.Equal(4, cancelledInFlight);
            Assert.Empty(sink.Written);
        }

        [Fact]
        public void A_failing_write_on_the_pipeline_thread_cancels_the_rest_and_propagates()
        {
            var sink = new RecordingSink();
            var cancelled = 0;
            using var runner = new BulkRunner(4, sink, CancellationToken.None);
            // A downstream stop or -ErrorAction Stop surfaces from the write of a result: here the first item's.
            runner.Add(0, async ct => { await Task.Delay(100, ct).ConfigureAwait(false); return 0; }, _ => throw new InvalidOperationException("downstream stopped"));
            for (var i = 1; i < 4; i++)
            {
                runner.Add(i, async ct =>
                {
                    try { await Task.Delay(30_000, ct).ConfigureAwait(false); }
                    catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
                    return 0;
                }, _ => { });
            }
            Assert.Throws<InvalidOperationException>(() => runner.Complete());
            SpinWait.SpinUntil(() => Volatile.Read(ref cancelled) == 3, 5_000);
            Assert.Equal(3, cancelled);
        }

        [Fact]
        public void A_service_backoff_pauses_new_starts_and_halves_the_limit()
        {
            var sink = new RecordingSink();
            var starts = new ConcurrentQueue<(int Item, long At)>();
            var clock = Stopwatch.StartNew();
            long pauseEnds = 0;
            using (var runner = new BulkRunner(8, sink, CancellationToken.None))
            {
                for (var i = 0; i < 40; i++)
                {
                    var item = i;
                    runner.Add(item, async ct =>
                    {
                        starts.Enqueue((item, clock.ElapsedMilliseconds));
                        if (item == 0)
                        {
                            // What CrmHttpClient does on a 429 with Retry-After before it waits and retries.
                            Interlocked.Exchange(ref pauseEnds, clock.ElapsedMilliseconds + 400);
                            CrmBackoff.Report(TimeSpan.FromMilliseconds(400));
                            await Task.Delay(400, ct).ConfigureAwait(false);
                        }
                        await Task.Delay(5, ct).ConfigureAwait(false);
                        return item;
                    }, r => sink.Result(r));
                }
                runner.Complete();
                Assert.Equal(1, runner.Stats.Backoffs);
                Assert.Equal(40, runner.Stats.Succeeded);
            }
            Assert.Equal(Enumerable.Range(0, 40).Select(i => "ok:" + i), sink.Written);
            // Items started before the 429 came back (those already in flight) are fine; none may start during the pause.
            var reportedAt = starts.First(s => s.Item == 0).At;
            var duringPause = starts.Where(s => s.Item > 0 && s.At > reportedAt + 20 && s.At < Interlocked.Read(ref pauseEnds) - 20).ToList();
            Assert.Empty(duringPause);
        }

        [Fact]
        public void After_a_used_up_quota_the_remaining_items_fail_without_a_request()
        {
            var sink = new RecordingSink();
            var invoked = 0;
            var quota = new CrmApiException("Ppl", CrmErrorKind.QuotaExceeded, "POST", "https://x/leads", 429, "Too many requests. The service asks to wait 9 h.", null);
            using (var runner = new BulkRunner(1, sink, CancellationToken.None))
            {
                for (var i = 0; i < 10; i++)
                {
                    var item = i;
                    runner.Add(item, ct =>
                    {
                        Interlocked.Increment(ref invoked);
                        return item == 2 ? Task.FromException<int>(quota) : Task.FromResult(item);
                    }, r => sink.Result(r));
                }
                runner.Complete();
                Assert.Equal(7, runner.Stats.SkippedForQuota);
            }
            Assert.Equal(3, invoked);
            Assert.Equal(new[] { "ok:0", "ok:1" }.Concat(Enumerable.Range(2, 8).Select(i => "error:" + i)), sink.Written);
            Assert.All(sink.Errors, e => Assert.Same(quota, e.Error));
        }
    }
}
