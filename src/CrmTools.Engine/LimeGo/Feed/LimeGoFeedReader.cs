using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.LimeGo.Feed;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>
    /// Drains the feed through the spool, one event at a time: first what a previous run left in the spool, in order,
    /// then batch after batch from the service, each written to the spool (fsync'd) before its first event is
    /// returned. The caller writes <see cref="Current"/> to its pipeline and calls <see cref="Acknowledge"/> only once
    /// the pipeline took it; whatever is not acknowledged stays in the spool for the next run.
    /// </summary>
    public sealed class LimeGoFeedReader : IDisposable
    {
        private readonly LimeGoFeedApi _feed;
        private readonly LimeGoSpool _spool;
        private readonly LimeGoFeedOptions _options;
        private SpoolRecord? _current;
        private LimeGoEvent? _currentEvent;
        private bool _serviceDrained;
        private TimeSpan _delay;

        internal LimeGoFeedReader(LimeGoFeedApi feed, LimeGoSpool spool, LimeGoFeedOptions options)
        {
            _feed = feed;
            _spool = spool;
            _options = options;
            _delay = options.PollInterval;
            ReplayCount = spool.PendingCount;
        }

        /// <summary>The spool folder in use.</summary>
        public string SpoolPath => _spool.Directory;

        /// <summary>Events a previous run left in the spool (replayed first).</summary>
        public int ReplayCount { get; }

        /// <summary>Events fetched from the service by this reader.</summary>
        public long FetchedCount { get; private set; }

        /// <summary>Calls made to the feed.</summary>
        public int BatchCount { get; private set; }

        /// <summary>Events taken by the pipeline (acknowledged).</summary>
        public long AcknowledgedCount { get; private set; }

        /// <summary>Events in the spool not yet taken (including <see cref="Current"/> until acknowledged).</summary>
        public int PendingCount => _spool.PendingCount;

        public LimeGoEvent Current => _currentEvent ?? throw new InvalidOperationException("Call MoveNextAsync first.");

        /// <summary>
        /// Moves to the next event: the oldest one in the spool, else a new batch from the service. False when the feed
        /// is empty (without <see cref="LimeGoFeedOptions.Wait"/>); with it, polls until cancelled.
        /// </summary>
        public async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
        {
            if (_current != null) throw new InvalidOperationException("Acknowledge the current event before moving on; an event not taken ends the drain.");
            var head = _spool.Head ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (head == null) return false;
            _current = head;
            _currentEvent = Parse(head.Json);
            return true;
        }

        /// <summary>The pipeline took <see cref="Current"/>: remove it from the spool.</summary>
        public void Acknowledge()
        {
            if (_current == null) throw new InvalidOperationException("There is no current event to acknowledge.");
            _spool.Acknowledge(_current.Sequence);
            _current = null;
            AcknowledgedCount++;
        }

        /// <summary>Syncs the acknowledgements and releases the spool; unacknowledged events stay for the next run.</summary>
        public void Dispose() => _spool.Dispose();

        private async Task<SpoolRecord?> FetchAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_serviceDrained)
                {
                    if (!_options.Wait) return null;
                    CrmLog.Verbose($"The Lime Go feed is empty; polling again in {RetryRules.Format(_delay)}.");
                    await Task.Delay(_delay, cancellationToken).ConfigureAwait(false);
                }
                IReadOnlyList<string> batch;
                try
                {
                    batch = await _feed.FetchBatchAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CrmApiException ex) when (_options.Wait && IsTransient(ex))
                {
                    // A runbook that waits for events should outlive an outage: keep polling, backing off.
                    CrmLog.Warning($"Reading the Lime Go feed failed ({ex.Message}); trying again in {RetryRules.Format(_delay)}.");
                    _serviceDrained = true;
                    _delay = Next(_delay);
                    continue;
                }
                BatchCount++;
                FetchedCount += batch.Count;
                if (batch.Count == 0)
                {
                    // Back off only after a poll that found nothing (the first wait after events is the plain interval).
                    if (_serviceDrained) _delay = Next(_delay);
                    _serviceDrained = true;
                    continue;
                }
                _serviceDrained = batch.Count < LimeGoFeedApi.BatchSize;
                _delay = _options.PollInterval;
                var records = _spool.Append(batch);
                CrmLog.Verbose($"Fetched {batch.Count} events from the Lime Go feed and wrote them to the spool '{_spool.Directory}'.");
                return records[0];
            }
        }

        private TimeSpan Next(TimeSpan delay)
        {
            var doubled = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollInterval.Ticks));
            return doubled < _options.PollInterval ? _options.PollInterval : doubled;
        }

        private static bool IsTransient(CrmApiException ex) =>
            ex.Kind == CrmErrorKind.Timeout || ex.Kind == CrmErrorKind.ConnectionFailed || ex.Kind == CrmErrorKind.ServerError || ex.Kind == CrmErrorKind.RateLimited;

        /// <summary>An event from its JSON; JSON the model cannot read keeps every field in AdditionalProperties.</summary>
        internal static LimeGoEvent Parse(string json)
        {
            try
            {
                return JsonSerializer.Deserialize(json, LimeGoJsonContext.Default.LimeGoEvent) ?? new LimeGoEvent();
            }
            catch (JsonException)
            {
                try
                {
                    return new LimeGoEvent { AdditionalProperties = JsonSerializer.Deserialize(json, LimeGoJsonContext.Default.DictionaryStringJsonElement) };
                }
                catch (JsonException)
                {
                    return new LimeGoEvent();
                }
            }
        }
    }
}
