using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>
    /// Get-LimeGoFeed: drains the Lime Go event feed through a durable local spool. Each batch is on disk (fsync'd)
    /// before its first event is written to the pipeline, and an event leaves the spool only after the pipeline took
    /// it without a terminating error; the next run replays what is left, in order, before fetching.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LimeGoFeed", DefaultParameterSetName = DrainSet)]
    [OutputType(typeof(LimeGoEvent))]
    public sealed class GetLimeGoFeedCommand : LimeGoCmdlet
    {
        private const string DrainSet = "Drain";
        private const string PeekSet = "Peek";
        private const int ProgressId = 0x1160;

        /// <summary>Stop after this many events; the rest stays in the spool (and on the service) for the next run.</summary>
        [Parameter(ParameterSetName = DrainSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? First { get; set; }

        /// <summary>Keep polling once the feed is empty, until Ctrl+C.</summary>
        [Parameter(ParameterSetName = DrainSet)]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds between polls of an empty feed (with -Wait); doubles while it stays empty.</summary>
        [Parameter(ParameterSetName = DrainSet)]
        [ValidateRange(1, 86400)]
        public int PollInterval { get; set; } = 30;

        /// <summary>The longest wait between polls, in seconds (with -Wait).</summary>
        [Parameter(ParameterSetName = DrainSet)]
        [ValidateRange(1, 86400)]
        public int MaxPollInterval { get; set; } = 300;

        /// <summary>Show what waits in the local spool, without fetching anything.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PeekSet)]
        public SwitchParameter Peek { get; set; }

        /// <summary>The spool folder (default: a per-user data folder keyed by the account).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SpoolPath { get; set; }

        protected override void ProcessRecord()
        {
            if (Peek)
            {
                WritePeek();
                return;
            }
            Drain();
        }

        private void WritePeek()
        {
            // An explicit folder needs no connection: a spool can be inspected after the key was revoked.
            IReadOnlyList<LimeGoEvent> events;
            string path;
            try
            {
                if (SpoolPath != null && Connection == null)
                {
                    path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SpoolPath);
                    events = LimeGoFeedApi.PeekSpool(path);
                }
                else
                {
                    var feed = ActiveConnection.Feed;
                    path = feed.ResolveSpoolPath(ProviderPath(SpoolPath));
                    events = feed.Peek(path);
                }
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, SpoolPath);
                return;
            }
            WriteVerbose($"The spool '{path}' holds {events.Count} event(s) fetched but not yet taken by a pipeline.");
            foreach (var ev in events) WriteObject(ev);
        }

        private void Drain()
        {
            var feed = ActiveConnection.Feed;
            var options = new LimeGoFeedOptions
            {
                SpoolPath = ProviderPath(SpoolPath),
                Wait = Wait,
                PollInterval = TimeSpan.FromSeconds(PollInterval),
                MaxPollInterval = TimeSpan.FromSeconds(Math.Max(PollInterval, MaxPollInterval)),
            };
            LimeGoFeedReader reader;
            try
            {
                reader = Run(_ => Task.FromResult(feed.OpenReader(options)));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, SpoolPath);
                return;
            }
            using (reader)
            {
                WriteVerbose($"Feed spool: '{reader.SpoolPath}'" + (reader.ReplayCount > 0 ? $"; replaying {reader.ReplayCount} event(s) a previous run left." : "."));
                var batches = 0;
                long written = 0;
                while (First == null || written < First.Value)
                {
                    bool more;
                    try
                    {
                        more = Run(ct => reader.MoveNextAsync(ct));
                    }
                    catch (LimeGoSpoolWriteException ex)
                    {
                        ThrowFailure(ex, ex.Events.ToArray());
                        return;
                    }
                    catch (Exception ex) when (IsReportable(ex))
                    {
                        // The service failed: what was taken is acknowledged, what was fetched stays in the spool.
                        WriteFailure(ex, null);
                        break;
                    }
                    if (!more) break;
                    if (reader.BatchCount != batches)
                    {
                        batches = reader.BatchCount;
                        ShowProgress(reader, written, completed: false);
                    }
                    Deliver(reader);
                    written++;
                }
                if (batches > 0) ShowProgress(reader, written, completed: true);
                WriteVerbose($"{written} event(s) written; {reader.FetchedCount} fetched in {reader.BatchCount} call(s); {reader.PendingCount} left in the spool.");
            }
        }

        // Writes the current event and acknowledges it once the pipeline took it. A terminating error downstream (or
        // Ctrl+C) propagates with the event still in the spool; Select-Object -First stops us right after taking it.
        private void Deliver(LimeGoFeedReader reader)
        {
            try
            {
                WriteObject(reader.Current);
            }
            catch (Exception ex) when (ex.GetType().Name == "StopUpstreamCommandsException")
            {
                Acknowledge(reader);
                throw;
            }
            Acknowledge(reader);
        }

        private void Acknowledge(LimeGoFeedReader reader)
        {
            try
            {
                reader.Acknowledge();
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                // The spool can no longer record what was taken: stop before anything could be delivered twice.
                ThrowFailure(ex, reader.Current);
            }
        }

        private void ShowProgress(LimeGoFeedReader reader, long written, bool completed)
        {
            var status = $"{written} event(s) written ({reader.ReplayCount} replayed from the spool), {reader.FetchedCount} fetched in {reader.BatchCount} call(s)";
            WriteProgress(new ProgressRecord(ProgressId, "Reading the Lime Go event feed", status)
            {
                RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        private string? ProviderPath(string? path) => path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
