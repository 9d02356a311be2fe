using System;
using CrmTools.Engine.Diagnostics;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// The requests this connection has sent today (UTC), counted by the module as each attempt
    /// leaves, against the account's daily quota (2000 by default). The service does not report
    /// its own count, so requests made elsewhere with the same account are not included.
    /// </summary>
    public sealed class PplQuota
    {
        public const int DefaultDailyLimit = 2000;

        /// <summary>The share of the quota past which each command is warned once a day.</summary>
        public const double WarningShare = 0.9;

        private readonly object _lock = new object();
        private readonly Func<DateTime> _utcNow;
        private DateTime _day;
        private int _used;
        private int _limit = DefaultDailyLimit;
        private bool _warned;

        internal PplQuota(Func<DateTime>? utcNow = null)
        {
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _day = _utcNow().Date;
        }

        /// <summary>The account's requests per day (2000 unless the account has another plan).</summary>
        public int DailyLimit
        {
            get { lock (_lock) return _limit; }
            set
            {
                if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), "The daily limit must be at least 1.");
                lock (_lock) _limit = value;
            }
        }

        public PplQuotaStatus Status
        {
            get
            {
                lock (_lock)
                {
                    Roll();
                    return new PplQuotaStatus(_day, _used, _limit);
                }
            }
        }

        /// <summary>Counts one request; warns once when the day's count passes 90% and when it reaches the quota.</summary>
        internal void Count()
        {
            string? warning = null;
            lock (_lock)
            {
                Roll();
                _used++;
                if (_used == _limit)
                {
                    warning = $"This connection has sent {_used} ProPipelines requests today (UTC), the account's daily quota: the service refuses further requests (429) until midnight UTC.";
                }
                else if (!_warned && _used >= Math.Ceiling(_limit * WarningShare))
                {
                    _warned = true;
                    warning = $"This connection has sent {_used} of the account's {_limit} ProPipelines requests for today (UTC); {_limit - _used} remain. Get-PplQuota shows the count.";
                }
            }
            if (warning != null) CrmLog.Warning(warning);
        }

        private void Roll()
        {
            var today = _utcNow().Date;
            if (today == _day) return;
            _day = today;
            _used = 0;
            _warned = false;
        }
    }

    /// <summary>A snapshot of <see cref="PplQuota"/>.</summary>
    public sealed class PplQuotaStatus
    {
        internal PplQuotaStatus(DateTime day, int used, int limit)
        {
            Day = day;
            Used = used;
            DailyLimit = limit;
        }

        /// <summary>The UTC day counted.</summary>
        public DateTime Day { get; }

        public int Used { get; }

        public int DailyLimit { get; }

        public int Remaining => Math.Max(0, DailyLimit - Used);

        public double PercentUsed => Math.Round(100.0 * Used / DailyLimit, 1);

        /// <summary>When the count starts again (midnight UTC).</summary>
        public DateTimeOffset ResetsAt => new DateTimeOffset(Day.AddDays(1), TimeSpan.Zero);

        public override string ToString() => $"{Used}/{DailyLimit} requests on {Day:yyyy-MM-dd} (UTC)";
    }
}
