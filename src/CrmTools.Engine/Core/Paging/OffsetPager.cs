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

        /// <summary>Overrides <see cref="OffsetPager.PrefetchEnabled"/> for this listing (tests).</summary>
        internal bool? Prefetch { get; set; }

        /// <summary>Overrides <see cref="OffsetPager.MaxPagesAhead"/> for this listing (tests).</summary>
        internal int? MaxPagesAhead { get; set; }
    }

    /// <summary>
    /// Walks a limit/offset (or page-number) listing. Each page's items are yielded as soon as
    /// the page arrives; the next page is requested while the consumer works through the
    /// current one (after the first few items, so "Select-Object -First 5" never costs a second
    /// request), and nothing is requested past -First or past the end.
    /// <para>
    /// When the consumer is faster than the network (it finds the prefetched page still on its
    /// way) and the service reports the total, the look-ahead grows one page at a time up to
    /// <see cref="MaxPagesAhead"/> pages in flight, so a fast pipeline is limited by the service's
    /// throughput rather than its latency. Without a total the pager never asks for more than the
    /// one page after the current, so it never requests past the end.
    /// </para>
    /// </summary>
    internal static class OffsetPager
    {
        private static volatile bool _prefetchEnabled = true;
        private static int _maxPagesAhead = 3;

        /// <summary>
        /// Whether pages are fetched ahead of the consumer (the default). Off, each page is requested
        /// only when the consumer has finished the previous one: the benchmarks' baseline.
        /// Process-wide; read when a listing starts.
        /// </summary>
        internal static bool PrefetchEnabled
        {
            get => _prefetchEnabled;
            set => _prefetchEnabled = value;
        }

        /// <summary>The most pages requested ahead of the page being consumed (at least 1). Process-wide.</summary>
        internal static int MaxPagesAhead
        {
            get => Volatile.Read(ref _maxPagesAhead);
            set => Volatile.Write(ref _maxPagesAhead, Math.Max(1, value));
        }

        /// <summary>Items the consumer takes from a page before the next page is prefetched.</summary>
        internal static int PrefetchAfter(int itemsInPage) => Math.Min(10, Math.Max(1, itemsInPage / 10));

        public static ItemStream<T> Create<T>(PageRequest request, Func<long, int, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken) =>
            new ItemStream<T>((info, ct) => Walk(request, fetch, info, ct), cancellationToken);

        private static async IAsyncEnumerable<T> Walk<T>(PageRequest request, Func<long, int, CancellationToken, Task<Page<T>>> fetch,
            PageInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (request.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "PageSize must be at least 1.");
            var remaining = request.First ?? long.MaxValue;
            if (remaining <= 0) yield break;

            var prefetch = request.Prefetch ?? PrefetchEnabled;
            var maxAhead = prefetch ? Math.Max(1, request.MaxPagesAhead ?? MaxPagesAhead) : 1;
            var window = new PageWindow<T>(request.PageSize, Math.Max(0, request.Skip), remaining, fetch, cancellationToken);
            var current = window.RequestNext();
            var depth = 1;
            try
            {
                while (true)
                {
                    // A prefetched page still on its way: the consumer outruns the network, so look further ahead.
                    var waitedForPrefetch = info.PagesFetched > 0 && !current.Task.IsCompleted;
                    var page = await current.Task.ConfigureAwait(false);
                    info.PagesFetched++;
                    if (page.Total.HasValue)
                    {
                        window.Total = page.Total;
                        if (!info.TotalCount.HasValue) info.TotalCount = page.Total;
                    }
                    if (waitedForPrefetch && window.Total.HasValue && depth < maxAhead) depth++;

                    var count = page.Items.Count;
                    var take = (int)Math.Min(count, remaining);
                    var more = count >= current.Limit && remaining - take > 0 &&
                               (!page.Total.HasValue || current.Offset + count < page.Total.Value);
                    var prefetchAt = more && prefetch ? PrefetchAfter(take) : int.MaxValue;

                    for (var i = 0; i < take; i++)
                    {
                        if (i == prefetchAt) window.FillAhead(depth);
                        yield return page.Items[i];
                    }
                    remaining -= take;
                    if (!more) yield break;

                    // Nothing prefetched (prefetch off, or a page too short to reach the prefetch point): ask now.
                    current = window.Ahead.Count > 0 ? window.Ahead.Dequeue() : window.RequestNext();
                }
            }
            finally
            {
                // The consumer stopped early (the stream's token is cancelled) or the listing ended: observe the orphans.
                while (window.Ahead.Count > 0)
                {
                    _ = window.Ahead.Dequeue().Task.ContinueWith(t => _ = t.Exception,
                        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        private static int LimitFor(int pageSize, long remaining) => (int)Math.Min(pageSize, remaining);

        /// <summary>One requested page.</summary>
        private readonly struct PendingPage<T>
        {
            public PendingPage(long offset, int limit, Task<Page<T>> task)
            {
                Offset = offset;
                Limit = limit;
                Task = task;
            }

            public long Offset { get; }
            public int Limit { get; }
            public Task<Page<T>> Task { get; }
        }

        /// <summary>The requests sent so far: where the next one starts, and the pages requested after the current one.</summary>
        private sealed class PageWindow<T>
        {
            private readonly int _pageSize;
            private readonly Func<long, int, CancellationToken, Task<Page<T>>> _fetch;
            private readonly CancellationToken _cancellationToken;
            private long _nextOffset;
            private long _unrequested;

            public PageWindow(int pageSize, long offset, long wanted, Func<long, int, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken)
            {
                _pageSize = pageSize;
                _nextOffset = offset;
                _unrequested = wanted;
                _fetch = fetch;
                _cancellationToken = cancellationToken;
            }

            /// <summary>The total the service reported last, if any.</summary>
            public long? Total { get; set; }

            /// <summary>Pages requested after the current one, in order.</summary>
            public Queue<PendingPage<T>> Ahead { get; } = new Queue<PendingPage<T>>();

            /// <summary>Requests the page at the next offset.</summary>
            public PendingPage<T> RequestNext()
            {
                var limit = LimitFor(_pageSize, _unrequested);
                var page = new PendingPage<T>(_nextOffset, limit, _fetch(_nextOffset, limit, _cancellationToken));
                _nextOffset += limit;
                _unrequested -= limit;
                return page;
            }

            /// <summary>
            /// Requests pages after the current one until <paramref name="depth"/> are on their way. Called only when
            /// the current page is full and more is wanted, so the first is always due; further ones only when the
            /// total says they exist.
            /// </summary>
            public void FillAhead(int depth)
            {
                if (Ahead.Count == 0 && _unrequested > 0) Ahead.Enqueue(RequestNext());
                while (Ahead.Count < depth && _unrequested > 0 && Total.HasValue && _nextOffset < Total.Value)
                {
                    Ahead.Enqueue(RequestNext());
                }
            }
        }
    }
}
