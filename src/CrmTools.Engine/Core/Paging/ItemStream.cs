using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CrmTools.Engine.Paging
{
    /// <summary>
    /// A stream of items arriving page by page. Cmdlets pull from it one item at a time and
    /// write each as it arrives; disposing it (the pipeline stopped) cancels any request in
    /// flight and sends no more. Wraps an IAsyncEnumerable so the cmdlet assembly needs no
    /// async-interface dependency of its own.
    /// </summary>
    public sealed class ItemStream<T> : IDisposable
    {
        private static readonly Task<bool> True = Task.FromResult(true);
        private static readonly Task<bool> False = Task.FromResult(false);

        private readonly CancellationTokenSource _cts;
        private readonly IAsyncEnumerator<T> _enumerator;
        private readonly PageInfo _info;
        private bool _disposed;

        internal ItemStream(Func<PageInfo, CancellationToken, IAsyncEnumerable<T>> source, CancellationToken cancellationToken)
        {
            _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _info = new PageInfo();
            _enumerator = source(_info, _cts.Token).GetAsyncEnumerator(_cts.Token);
        }

        public T Current => _enumerator.Current;

        /// <summary>The total before paging, when the service reports one (after the first page).</summary>
        public long? TotalCount => _info.TotalCount;

        /// <summary>Requests sent so far.</summary>
        public int PagesFetched => _info.PagesFetched;

        public Task<bool> MoveNextAsync()
        {
            if (_disposed) return False;
            var next = _enumerator.MoveNextAsync();
            if (next.IsCompletedSuccessfully) return next.Result ? True : False;
            return next.AsTask();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _cts.Cancel();
            try
            {
                var pending = _enumerator.DisposeAsync();
                if (!pending.IsCompleted) pending.AsTask().Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Cancellation of the prefetch surfaces here; nothing to report.
            }
            catch (OperationCanceledException)
            {
            }
            _cts.Dispose();
        }
    }

    /// <summary>What the pager learned while paging (shared between pager and stream).</summary>
    internal sealed class PageInfo
    {
        public long? TotalCount { get; set; }
        public int PagesFetched { get; set; }
    }
}
