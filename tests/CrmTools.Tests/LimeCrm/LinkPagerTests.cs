using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.LimeCrm;
using CrmTools.Engine.Paging;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    /// <summary>The HAL pager against an in-memory listing: follows next links, honours -Skip/-First, asks for nothing more.</summary>
    public class LinkPagerTests
    {
        private sealed class Listing
        {
            private readonly int _total;
            public Listing(int total) => _total = total;
            public List<string> Requests { get; } = new List<string>();

            public Task<LinkPage<int>> First(long offset, int limit, CancellationToken ct) => Page((int)offset, limit, "first");

            public Task<LinkPage<int>> Next(string link, CancellationToken ct)
            {
                var parts = link.Split(':');
                return Page(int.Parse(parts[0]), int.Parse(parts[1]), link);
            }

            private Task<LinkPage<int>> Page(int offset, int limit, string request)
            {
                lock (Requests) Requests.Add(request);
                var items = Enumerable.Range(offset, System.Math.Max(0, System.Math.Min(limit, _total - offset))).ToList();
                var next = offset + limit < _total ? $"{offset + limit}:{limit}" : null;
                return Task.FromResult(new LinkPage<int>(items, next));
            }
        }

        private static async Task<List<int>> Drain(ItemStream<int> stream)
        {
            var items = new List<int>();
            using (stream)
            {
                while (await stream.MoveNextAsync()) items.Add(stream.Current);
            }
            return items;
        }

        [Fact]
        public async Task Follows_next_links_to_the_end()
        {
            var listing = new Listing(23);
            var items = await Drain(LinkPager.Create<int>(new PageRequest { PageSize = 10 }, listing.First, listing.Next, CancellationToken.None));

            Assert.Equal(Enumerable.Range(0, 23), items);
            Assert.Equal(new[] { "first", "10:10", "20:10" }, listing.Requests);
        }

        [Fact]
        public async Task Skip_goes_into_the_first_request_and_First_stops_without_a_further_request()
        {
            var listing = new Listing(100);
            var items = await Drain(LinkPager.Create<int>(new PageRequest { PageSize = 10, Skip = 5, First = 20 }, listing.First, listing.Next, CancellationToken.None));

            Assert.Equal(Enumerable.Range(5, 20), items);
            Assert.Equal(new[] { "first", "15:10" }, listing.Requests);
        }

        [Fact]
        public async Task A_small_First_asks_for_that_many_only()
        {
            var listing = new Listing(100);
            long? offset = null;
            int? limit = null;
            var items = await Drain(LinkPager.Create<int>(new PageRequest { PageSize = 50, First = 3 },
                (o, l, ct) => { offset = o; limit = l; return listing.First(o, l, ct); }, listing.Next, CancellationToken.None));

            Assert.Equal(new[] { 0, 1, 2 }, items);
            Assert.Equal((0L, 3), (offset!.Value, limit!.Value));
            Assert.Single(listing.Requests);
        }

        [Fact]
        public async Task An_empty_listing_is_one_request()
        {
            var listing = new Listing(0);
            Assert.Empty(await Drain(LinkPager.Create<int>(new PageRequest { PageSize = 10 }, listing.First, listing.Next, CancellationToken.None)));
            Assert.Single(listing.Requests);
        }
    }
}
