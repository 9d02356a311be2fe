using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.Nimble
{
    /// <summary>One page of a page-numbered listing as Nimble answers it.</summary>
    internal sealed class NumberedPage<T>
    {
        public NumberedPage(IReadOnlyList<T> items, int? page, int? pages, long? total)
        {
            Items = items;
            Page = page;
            Pages = pages;
            Total = total;
        }

        public IReadOnlyList<T> Items { get; }
        public int? Page { get; }
        public int? Pages { get; }
        public long? Total { get; }
    }

    /// <summary>
    /// Feeds Nimble's page-numbered listings (page from 1, per_page) to the shared <see cref="OffsetPager"/>, which
    /// does the streaming, prefetching and stopping. The pager asks for (offset, limit) ranges; this maps them onto
    /// fixed-size pages, keeping the last page so a -Skip that is not a multiple of the page size costs no request
    /// twice. The pager asks for ranges one after another, never two at once.
    /// </summary>
    internal sealed class PageNumberAdapter<T>
    {
        private readonly int _perPage;
        private readonly Func<int, int, CancellationToken, Task<NumberedPage<T>>> _fetchPage;
        private int _cachedNumber = -1;
        private NumberedPage<T>? _cached;

        public PageNumberAdapter(int perPage, Func<int, int, CancellationToken, Task<NumberedPage<T>>> fetchPage)
        {
            if (perPage < 1) throw new ArgumentOutOfRangeException(nameof(perPage));
            _perPage = perPage;
            _fetchPage = fetchPage;
        }

        public static ItemStream<T> Stream(PageRequest paging, Func<int, int, CancellationToken, Task<NumberedPage<T>>> fetchPage, CancellationToken cancellationToken)
        {
            var adapter = new PageNumberAdapter<T>(paging.PageSize, fetchPage);
            return OffsetPager.Create<T>(paging, adapter.FetchAsync, cancellationToken);
        }

        public async Task<Page<T>> FetchAsync(long offset, int limit, CancellationToken cancellationToken)
        {
            var items = new List<T>(limit);
            long? total = null;
            var position = offset;
            while (items.Count < limit)
            {
                var number = (int)(position / _perPage) + 1;
                var start = (int)(position % _perPage);
                var page = await PageAsync(number, cancellationToken).ConfigureAwait(false);
                total ??= page.Total;
                // A service that ignores the page number answers page 1 again: treat it as the end, not a loop.
                if (page.Page.HasValue && page.Page.Value != number && number > 1) break;
                if (start >= page.Items.Count) break;
                var take = Math.Min(page.Items.Count - start, limit - items.Count);
                for (var i = 0; i < take; i++) items.Add(page.Items[start + i]);
                position += take;
                var last = page.Items.Count < _perPage || (page.Pages.HasValue && number >= page.Pages.Value);
                if (last) break;
            }
            // Reporting the end to the pager: a short range means no more.
            return new Page<T>(items, total);
        }

        private async Task<NumberedPage<T>> PageAsync(int number, CancellationToken cancellationToken)
        {
            if (number == _cachedNumber && _cached != null) return _cached;
            var page = await _fetchPage(number, _perPage, cancellationToken).ConfigureAwait(false);
            _cachedNumber = number;
            _cached = page;
            return page;
        }
    }

    /// <summary>
    /// Feeds a listing that can only be read front to back (batches with a "next page" link) to the shared
    /// <see cref="OffsetPager"/>: items before the requested offset are read and dropped, nothing is fetched twice.
    /// </summary>
    internal sealed class SequentialAdapter<T>
    {
        private readonly Func<CancellationToken, Task<IReadOnlyList<T>?>> _nextBatch;
        private readonly Queue<T> _buffer = new Queue<T>();
        private long _position;
        private bool _done;

        public SequentialAdapter(Func<CancellationToken, Task<IReadOnlyList<T>?>> nextBatch) => _nextBatch = nextBatch;

        public static ItemStream<T> Stream(PageRequest paging, Func<CancellationToken, Task<IReadOnlyList<T>?>> nextBatch, CancellationToken cancellationToken)
        {
            var adapter = new SequentialAdapter<T>(nextBatch);
            return OffsetPager.Create<T>(paging, adapter.FetchAsync, cancellationToken);
        }

        public async Task<Page<T>> FetchAsync(long offset, int limit, CancellationToken cancellationToken)
        {
            var items = new List<T>(limit);
            while (items.Count < limit)
            {
                if (_buffer.Count == 0)
                {
                    if (_done) break;
                    var batch = await _nextBatch(cancellationToken).ConfigureAwait(false);
                    if (batch == null)
                    {
                        _done = true;
                        break;
                    }
                    foreach (var item in batch) _buffer.Enqueue(item);
                    continue;
                }
                var next = _buffer.Dequeue();
                if (_position++ >= offset) items.Add(next);
            }
            return new Page<T>(items, null);
        }
    }
}
