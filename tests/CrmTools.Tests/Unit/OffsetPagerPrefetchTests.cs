using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Paging;
using Xunit;

namespace CrmTools.Tests.Unit
{
    /// <summary>The pager's look-ahead: how many pages it keeps in flight, and that it never costs extra requests.</summary>
    public class OffsetPagerPrefetchTests
    {
        /// <summary>A listing whose pages take <c>delayMs</c> to arrive; records every call and the most calls in flight at once.</summary>
        private sealed class SlowListing
        {
            private readonly int _total;
            private readonly bool _reportTotal;
            private readonly int _delayMs;
            private int _inFlight;

            public SlowListing(int total, int delayMs, bool reportTotal = true)
            {
                _total = total;
                _delayMs = delayMs;
                _reportTotal = reportTotal;
            }

            public List<(long Offset, int Limit, int Consumed)> Calls { get; } = new List<(long, int, int)>();
            public int MaxInFlight;
            public int Consumed;

            public async Task<Page<int>> Fetch(long offset, int limit, CancellationToken ct)
            {
                lock (Calls) Calls.Add((offset, limit, Volatile.Read(ref Consumed)));
                var now = Interlocked.Increment(ref _inFlight);
                lock (Calls) MaxInFlight = Math.Max(MaxInFlight, now);
                try
                {
                    await Task.Delay(_delayMs, ct).ConfigureAwait(false);
                    var items = Enumerable.Range((int)offset, (int)Math.Max(0, Math.Min(limit, _total - offset))).ToList();
                    return new Page<int>(items, _reportTotal ? _total : (long?)null);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }

        private static List<int> Drain(ItemStream<int> stream, SlowListing listing, int? stopAfter = null)
        {
            var list = new List<int>();
            using (stream)
            {
                while (stream.MoveNextAsync().GetAwaiter().GetResult())
                {
                    list.Add(stream.Current);
                    Interlocked.Increment(ref listing.Consumed);
                    if (stopAfter.HasValue && list.Count == stopAfter) break;
                }
            }
            return list;
        }

        [Fact]
        public void A_fast_consumer_gets_several_pages_in_flight_when_the_total_is_known()
        {
            var listing = new SlowListing(2000, delayMs: 20);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = true, MaxPagesAhead = 3 }, listing.Fetch, CancellationToken.None), listing);
            Assert.Equal(Enumerable.Range(0, 2000), items);
            Assert.Equal(20, listing.Calls.Count);
            Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i * 100), listing.Calls.Select(c => c.Offset));
            Assert.InRange(listing.MaxInFlight, 2, 3);
        }

        [Fact]
        public void Without_a_total_at_most_one_page_is_fetched_ahead()
        {
            var listing = new SlowListing(1000, delayMs: 10, reportTotal: false);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = true, MaxPagesAhead = 3 }, listing.Fetch, CancellationToken.None), listing);
            Assert.Equal(1000, items.Count);
            Assert.Equal(1, listing.MaxInFlight);
            Assert.Equal(11, listing.Calls.Count); // the eleventh (offset 1000) finds the end: pages were full
        }

        [Fact]
        public void Looking_further_ahead_never_requests_past_first_or_the_total()
        {
            var listing = new SlowListing(1000, delayMs: 10);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, First = 450, Prefetch = true, MaxPagesAhead = 4 }, listing.Fetch, CancellationToken.None), listing);
            Assert.Equal(Enumerable.Range(0, 450), items);
            Assert.Equal(new[] { (0L, 100), (100L, 100), (200L, 100), (300L, 100), (400L, 50) }, listing.Calls.Select(c => (c.Offset, c.Limit)));

            var whole = new SlowListing(430, delayMs: 10);
            Assert.Equal(430, Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = true, MaxPagesAhead = 4 }, whole.Fetch, CancellationToken.None), whole).Count);
            Assert.Equal(new long[] { 0, 100, 200, 300, 400 }, whole.Calls.Select(c => c.Offset));
        }

        [Fact]
        public void With_prefetch_off_each_page_is_requested_when_the_previous_one_is_consumed()
        {
            var listing = new SlowListing(500, delayMs: 5);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = false }, listing.Fetch, CancellationToken.None), listing);
            Assert.Equal(500, items.Count);
            Assert.Equal(1, listing.MaxInFlight);
            Assert.Equal(new[] { 0, 100, 200, 300, 400 }, listing.Calls.Select(c => c.Consumed));
        }

        [Fact]
        public void A_consumer_that_stops_after_five_costs_one_request_even_with_deep_prefetch()
        {
            var listing = new SlowListing(5000, delayMs: 5);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = true, MaxPagesAhead = 3 }, listing.Fetch, CancellationToken.None), listing, stopAfter: 5);
            Assert.Equal(5, items.Count);
            Assert.Single(listing.Calls);
        }

        [Fact]
        public void Stopping_mid_listing_cancels_the_pages_in_flight()
        {
            var listing = new SlowListing(5000, delayMs: 30);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Prefetch = true, MaxPagesAhead = 3 }, listing.Fetch, CancellationToken.None), listing, stopAfter: 650);
            Assert.Equal(Enumerable.Range(0, 650), items);
            var calls = listing.Calls.Count;
            Thread.Sleep(100);
            Assert.Equal(calls, listing.Calls.Count);
            Assert.InRange(calls, 7, 10);
        }
    }
}
