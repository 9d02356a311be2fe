using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>
    /// Streams a GraphQL list field paged with <c>first</c>/<c>offset</c> through the shared <see cref="OffsetPager"/>.
    /// With a client-side filter, pages are walked until enough items match, and -Skip/-First count matching items.
    /// </summary>
    internal static class GraphQLPager
    {
        public static ItemStream<T> Create<T>(PageRequest paging, Func<T, bool>? filter,
            Func<long, int, CancellationToken, Task<List<T>>> fetch, CancellationToken cancellationToken)
        {
            if (paging.PageSize < 1 || paging.PageSize > LimeGoGraphQLDocuments.MaxPageSize)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "PageSize",
                    $"PageSize must be between 1 and {LimeGoGraphQLDocuments.MaxPageSize} (the service's cap on 'first').");
            }
            Func<long, int, CancellationToken, Task<Page<T>>> page = async (offset, first, ct) =>
                new Page<T>(await fetch(offset, first, ct).ConfigureAwait(false), null);
            if (filter == null) return OffsetPager.Create(paging, page, cancellationToken);
            return new ItemStream<T>((info, ct) => Filtered(paging, filter, page, info, ct), cancellationToken);
        }

        private static async IAsyncEnumerable<T> Filtered<T>(PageRequest paging, Func<T, bool> filter,
            Func<long, int, CancellationToken, Task<Page<T>>> page, PageInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var first = paging.First ?? long.MaxValue;
            if (first <= 0) yield break;
            long skipped = 0, taken = 0;
            using var all = OffsetPager.Create(new PageRequest { PageSize = paging.PageSize }, page, cancellationToken);
            while (await all.MoveNextAsync().ConfigureAwait(false))
            {
                info.PagesFetched = all.PagesFetched;
                var item = all.Current;
                if (!filter(item)) continue;
                if (skipped < paging.Skip)
                {
                    skipped++;
                    continue;
                }
                yield return item;
                if (++taken >= first) yield break;
            }
        }
    }
}
