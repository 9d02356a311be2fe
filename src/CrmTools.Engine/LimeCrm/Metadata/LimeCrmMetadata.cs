using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// The limetype metadata of one connection, fetched once and kept: reads shape values by it and writes
    /// are validated against it. Thread-safe; concurrent callers asking for the same limetype share one
    /// request. A failed fetch is not kept, so the next call asks again. <see cref="Clear"/> forgets it all
    /// (Get-LimeCrmLimetype -Refresh, after an administrator changed the database).
    /// </summary>
    public sealed class LimeCrmMetadata
    {
        private readonly LimeCrmConnection _connection;
        private readonly ConcurrentDictionary<string, Task<LimeType>> _limetypes =
            new ConcurrentDictionary<string, Task<LimeType>>(StringComparer.OrdinalIgnoreCase);
        private volatile IReadOnlyList<string>? _names;

        internal LimeCrmMetadata(LimeCrmConnection connection) => _connection = connection;

        /// <summary>The limetype names known so far (for tab completion; empty until first asked).</summary>
        public IReadOnlyList<string> KnownNames => _names ?? (IReadOnlyList<string>)_limetypes.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>One limetype with its properties: GET /limetype/{name}/?_embed=properties.</summary>
        public Task<LimeType> GetAsync(string name, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new CrmValidationException(LimeCrmWire.ServicePrefix, "Limetype", "Give a limetype name.");
            var fetch = _limetypes.GetOrAdd(name.Trim(), n => FetchAsync(n));
            return Shared(name.Trim(), fetch, cancellationToken);
        }

        /// <summary>Every limetype with its properties (one request: GET /limetype/?_embed=limetypes.properties).</summary>
        public async Task<IReadOnlyList<LimeType>> ListAsync(CancellationToken cancellationToken)
        {
            var answer = await _connection.Http.SendJsonAsync(LimeCrmWire.ListLimetypes(withProperties: true),
                LimeCrmJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            var result = new List<LimeType>();
            foreach (var element in LimeTypeReader.Limetypes(answer))
            {
                LimeType limetype;
                if (LimeTypeReader.HasProperties(element))
                {
                    limetype = Parse(element, "GET limetype/");
                    _limetypes[limetype.Name] = Task.FromResult(limetype);
                }
                else
                {
                    // A server that does not embed the properties in the list: ask for each.
                    var name = element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    if (name == null) continue;
                    limetype = await GetAsync(name, cancellationToken).ConfigureAwait(false);
                }
                result.Add(limetype);
            }
            _names = result.Select(t => t.Name).ToList();
            return result;
        }

        /// <summary>The limetype names: GET /limetype/ (kept after the first call).</summary>
        public async Task<IReadOnlyList<string>> GetNamesAsync(CancellationToken cancellationToken)
        {
            var names = _names;
            if (names != null) return names;
            var answer = await _connection.Http.SendJsonAsync(LimeCrmWire.ListLimetypes(withProperties: false),
                LimeCrmJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            names = LimeTypeReader.Limetypes(answer)
                .Select(e => e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
                .Where(n => n != null).Select(n => n!).ToList();
            _names = names;
            return names;
        }

        /// <summary>Forgets every limetype fetched so far.</summary>
        public void Clear()
        {
            _limetypes.Clear();
            _names = null;
        }

        private async Task<LimeType> FetchAsync(string name)
        {
            // Not tied to the first caller's cancellation: other callers may be waiting for the same answer.
            var request = LimeCrmWire.GetLimetype(name);
            JsonElement answer;
            try
            {
                answer = await _connection.Http.SendJsonAsync(request, LimeCrmJsonContext.Default.JsonElement, CancellationToken.None).ConfigureAwait(false);
            }
            catch (CrmApiException ex) when (ex.Kind == CrmErrorKind.NotFound)
            {
                throw await UnknownLimetypeAsync(name, ex).ConfigureAwait(false);
            }
            return Parse(answer, "GET " + request.Path);
        }

        private async Task<CrmException> UnknownLimetypeAsync(string name, CrmApiException notFound)
        {
            string known;
            try
            {
                known = string.Join(", ", await GetNamesAsync(CancellationToken.None).ConfigureAwait(false));
            }
            catch (CrmException)
            {
                known = "(the list could not be read)";
            }
            return new CrmException(LimeCrmWire.ServicePrefix, CrmErrorKind.NotFound,
                $"Lime CRM has no limetype '{name}'. Limetypes: {known}.", notFound) { Resource = "Limetype" };
        }

        private async Task<LimeType> Shared(string name, Task<LimeType> fetch, CancellationToken cancellationToken)
        {
            try
            {
                return await WithCancellation(fetch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (fetch.IsFaulted || fetch.IsCanceled)
            {
                // Do not keep a failure: the next call asks again.
                ((ICollection<KeyValuePair<string, Task<LimeType>>>)_limetypes).Remove(new KeyValuePair<string, Task<LimeType>>(name, fetch));
                throw;
            }
        }

        private LimeType Parse(JsonElement element, string what)
        {
            try
            {
                return LimeTypeReader.Read(element);
            }
            catch (JsonException ex)
            {
                throw new CrmApiException(LimeCrmWire.ServicePrefix, CrmErrorKind.Protocol, "GET", what, 200,
                    "The limetype metadata could not be read: " + ex.Message, null, ex) { Resource = "Limetype" };
            }
        }

        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (task.IsCompleted || !cancellationToken.CanBeCanceled) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            return await task.ConfigureAwait(false);
        }
    }
}
