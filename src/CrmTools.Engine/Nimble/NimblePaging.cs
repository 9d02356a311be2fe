using System;
using System.Collections.Generic;
using System.Linq;
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
    /// does the streaming, the look-ahead and the stopping. The pager asks for ranges (offset, limit) that start at
    /// -Skip and advance by the page size, possibly several at once; each maps onto one page, or two when -Skip is not
    /// a multiple of the page size. Pages are fetched once even when two ranges share one (kept until no later range
    /// can need them).
    /// </summary>
    internal sealed class PageNumberAdapter<T>
    {
        private readonly int _perPage;
        private readonly Func<int, int, CancellationToken, Task<NumberedPage<T>>> _fetchPage;
        private readonly Dictionary<int, Task<NumberedPage<T>>> _pages = new Dictionary<int, Task<NumberedPage<T>>>();

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
            var number = (int)(offset / _perPage) + 1;
            var skip = (int)(offset % _perPage);
            lock (_pages)
            {
                // Ranges come in increasing order: no later one needs a page before this one's first.
                foreach (var old in _pages.Keys.Where(k => k < number).ToList()) _pages.Remove(old);
            }
            var items = new List<T>(limit);
            long? total = null;
            while (items.Count < limit)
            {
                var page = await PageAsync(number, cancellationToken).ConfigureAwait(false);
                total ??= page.Total;
                // A service that ignores the page number answers page 1 again: treat it as the end, not a loop.
                if (page.Page.HasValue && page.Page.Value != number && number > 1) break;
                if (skip >= page.Items.Count) break;
                var take = Math.Min(page.Items.Count - skip, limit - items.Count);
                for (var i = 0; i < take; i++) items.Add(page.Items[skip + i]);
                if (page.Items.Count < _perPage || (page.Pages.HasValue && number >= page.Pages.Value)) break;
                number++;
                skip = 0;
            }
            // A short range tells the pager the listing ended.
            return new Page<T>(items, total);
        }

        private Task<NumberedPage<T>> PageAsync(int number, CancellationToken cancellationToken)
        {
            lock (_pages)
            {
                if (!_pages.TryGetValue(number, out var task))
                {
                    task = _fetchPage(number, _perPage, cancellationToken);
                    _pages[number] = task;
                }
                return task;
            }
        }
    }

    /// <summary>
    /// Feeds a listing that can only be read front to back (batches with a "next page" link) to the shared
    /// <see cref="OffsetPager"/>: items before the requested offset are read and dropped, nothing is fetched twice.
    /// It reports no total, so the pager asks for at most one range ahead.
    /// </summary>
    internal sealed class SequentialAdapter<T>
    {
        private readonly Func<CancellationToken, Task<IReadOnlyList<T>?>> _nextBatch;
        private readonly Queue<T> _buffer = new Queue<T>();
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
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
            // Ranges are served strictly in order, one at a time: the source can only be read front to back.
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ReadAsync(offset, limit, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Page<T>> ReadAsync(long offset, int limit, CancellationToken cancellationToken)
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
