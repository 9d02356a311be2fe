using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Paging;
using Xunit;

namespace CrmTools.Tests.Unit
{
    public class OffsetPagerTests
    {
        private sealed class FakeListing
        {
            private readonly int _total;
            public FakeListing(int total, bool reportTotal = true)
            {
                _total = total;
                ReportTotal = reportTotal;
            }

            public bool ReportTotal { get; }
            public List<(long Offset, int Limit)> Calls { get; } = new List<(long, int)>();

            public Task<Page<int>> Fetch(long offset, int limit, CancellationToken ct)
            {
                lock (Calls) Calls.Add((offset, limit));
                var items = Enumerable.Range((int)offset, (int)System.Math.Max(0, System.Math.Min(limit, _total - offset))).ToList();
                return Task.FromResult(new Page<int>(items, ReportTotal ? _total : (long?)null));
            }
        }

        private static List<int> Drain(ItemStream<int> stream, int? stopAfter = null)
        {
            var list = new List<int>();
            using (stream)
            {
                while (stream.MoveNextAsync().GetAwaiter().GetResult())
                {
                    list.Add(stream.Current);
                    if (stopAfter.HasValue && list.Count == stopAfter) break;
                }
            }
            return list;
        }

        [Fact]
        public void Reads_every_item_once_in_order_across_pages()
        {
            var listing = new FakeListing(250);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100 }, listing.Fetch, CancellationToken.None));
            Assert.Equal(Enumerable.Range(0, 250), items);
            Assert.Equal(new[] { (0L, 100), (100L, 100), (200L, 100) }, listing.Calls);
        }

        [Fact]
        public void First_and_skip_become_offset_and_a_smaller_last_limit()
        {
            var listing = new FakeListing(1000);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100, Skip = 10, First = 150 }, listing.Fetch, CancellationToken.None));
            Assert.Equal(Enumerable.Range(10, 150), items);
            Assert.Equal(new[] { (10L, 100), (110L, 50) }, listing.Calls);
        }

        [Fact]
        public void A_consumer_that_stops_early_costs_no_second_request()
        {
            var listing = new FakeListing(1000);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100 }, listing.Fetch, CancellationToken.None), stopAfter: 5);
            Assert.Equal(5, items.Count);
            Assert.Single(listing.Calls);
        }

        [Fact]
        public void Without_a_total_a_short_page_ends_the_listing()
        {
            var listing = new FakeListing(200, reportTotal: false);
            var items = Drain(OffsetPager.Create(new PageRequest { PageSize = 100 }, listing.Fetch, CancellationToken.None));
            Assert.Equal(200, items.Count);
            // The third request (offset 200) finds the end: pages were full so the pager had to ask.
            Assert.Equal(3, listing.Calls.Count);
        }

        [Fact]
        public void The_total_is_known_after_the_first_page()
        {
            var listing = new FakeListing(42);
            using var stream = OffsetPager.Create(new PageRequest { PageSize = 10 }, listing.Fetch, CancellationToken.None);
            Assert.True(stream.MoveNextAsync().GetAwaiter().GetResult());
            Assert.Equal(42, stream.TotalCount);
        }
    }
}
