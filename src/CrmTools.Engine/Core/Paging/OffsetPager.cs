using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CrmTools.Engine.Paging
{
    /// <summary>One page as the service returned it.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long? total)
        {
            Items = items;
            Total = total;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The total before paging, if the service reports it.</summary>
        public long? Total { get; }
    }

    /// <summary>What the caller asked for: -Skip, -First and -PageSize.</summary>
    public sealed class PageRequest
    {
        public long Skip { get; set; }

        /// <summary>Stop after this many items (null: all).</summary>
        public long? First { get; set; }

        public int PageSize { get; set; } = 100;
    }

    /// <summary>
    /// Walks a limit/offset (or page-number) listing. Each page's items are yielded as soon as
    /// the page arrives; the next page is requested while the consumer works through the
    /// current one (after the first few items, so "Select-Object -First 5" never costs a second
    /// request), and nothing is requested past -First or past the end.
    /// </summary>
    internal static class OffsetPager
    {
        /// <summary>Items the consumer takes from a page before the next page is prefetched.</summary>
        internal static int PrefetchAfter(int itemsInPage) => Math.Min(10, Math.Max(1, itemsInPage / 10));

        public static ItemStream<T> Create<T>(PageRequest request, Func<long, int, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken) =>
            new ItemStream<T>((info, ct) => Walk(request, fetch, info, ct), cancellationToken);

        private static async IAsyncEnumerable<T> Walk<T>(PageRequest request, Func<long, int, CancellationToken, Task<Page<T>>> fetch,
            PageInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (request.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "PageSize must be at least 1.");
            var offset = Math.Max(0, request.Skip);
            var remaining = request.First ?? long.MaxValue;
            if (remaining <= 0) yield break;

            var limit = LimitFor(request.PageSize, remaining);
            var current = fetch(offset, limit, cancellationToken);
            Task<Page<T>>? prefetch = null;
            try
            {
                while (true)
                {
                    var page = await current.ConfigureAwait(false);
                    info.PagesFetched++;
                    if (page.Total.HasValue && !info.TotalCount.HasValue) info.TotalCount = page.Total;

                    var count = page.Items.Count;
                    var take = (int)Math.Min(count, remaining);
                    var nextOffset = offset + count;
                    var more = count >= limit && remaining - take > 0 && (!page.Total.HasValue || nextOffset < page.Total.Value);
                    var nextLimit = more ? LimitFor(request.PageSize, remaining - take) : 0;
                    var prefetchAt = more ? PrefetchAfter(take) : int.MaxValue;

                    for (var i = 0; i < take; i++)
                    {
                        if (i == prefetchAt) prefetch = fetch(nextOffset, nextLimit, cancellationToken);
                        yield return page.Items[i];
                    }
                    remaining -= take;
                    if (!more) yield break;

                    current = prefetch ?? fetch(nextOffset, nextLimit, cancellationToken);
                    prefetch = null;
                    offset = nextOffset;
                    limit = nextLimit;
                }
            }
            finally
            {
                // The consumer stopped early: the stream's token is cancelled; observe the orphan.
                prefetch?.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            }
        }

        private static int LimitFor(int pageSize, long remaining) => (int)Math.Min(pageSize, remaining);
    }
}
