using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>One page of a listing that pages by links: its items and the address of the next page, if any.</summary>
    internal sealed class LinkPage<T>
    {
        public LinkPage(IReadOnlyList<T> items, string? next)
        {
            Items = items;
            Next = next;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The next page's address as the service gave it; null on the last page.</summary>
        public string? Next { get; }
    }

    /// <summary>
    /// Walks a HAL listing by following each page's next link until there is none. -Skip and the first
    /// page's size go into the first request; after that the service's links lead. Like the offset pager,
    /// items are yielded as each page arrives, the next page is fetched while the consumer works through
    /// the current one, and nothing is requested past -First or past the end.
    /// </summary>
    internal static class LinkPager
    {
        /// <param name="fetchFirst">Fetches the first page: (offset, limit, token).</param>
        /// <param name="fetchNext">Fetches the page behind a next link.</param>
        public static ItemStream<T> Create<T>(PageRequest request, Func<long, int, CancellationToken, Task<LinkPage<T>>> fetchFirst,
            Func<string, CancellationToken, Task<LinkPage<T>>> fetchNext, CancellationToken cancellationToken) =>
            new ItemStream<T>((info, ct) => Walk(request, fetchFirst, fetchNext, info, ct), cancellationToken);

        private static async IAsyncEnumerable<T> Walk<T>(PageRequest request, Func<long, int, CancellationToken, Task<LinkPage<T>>> fetchFirst,
            Func<string, CancellationToken, Task<LinkPage<T>>> fetchNext, PageInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (request.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "PageSize must be at least 1.");
            var remaining = request.First ?? long.MaxValue;
            if (remaining <= 0) yield break;

            var current = fetchFirst(Math.Max(0, request.Skip), (int)Math.Min(request.PageSize, remaining), cancellationToken);
            Task<LinkPage<T>>? prefetch = null;
            try
            {
                while (true)
                {
                    var page = await current.ConfigureAwait(false);
                    info.PagesFetched++;
                    var take = (int)Math.Min(page.Items.Count, remaining);
                    var next = page.Items.Count > 0 && remaining - take > 0 ? page.Next : null;
                    var prefetchAt = next != null ? OffsetPager.PrefetchAfter(take) : int.MaxValue;

                    for (var i = 0; i < take; i++)
                    {
                        if (i == prefetchAt) prefetch = fetchNext(next!, cancellationToken);
                        yield return page.Items[i];
                    }
                    remaining -= take;
                    if (next == null) yield break;

                    current = prefetch ?? fetchNext(next, cancellationToken);
                    prefetch = null;
                }
            }
            finally
            {
                // The consumer stopped early: the stream's token is cancelled; observe the orphan.
                prefetch?.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            }
        }
    }
}
