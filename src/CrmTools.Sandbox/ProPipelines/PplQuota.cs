using System;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>The daily request quota; the count starts again at each UTC midnight.</summary>
    internal sealed class PplQuota
    {
        private readonly object _lock = new object();
        private DateTime _day = DateTime.UtcNow.Date;
        private int _count;
        private int _limit;

        public PplQuota(int limit) => _limit = limit;

        public int Limit
        {
            get { lock (_lock) return _limit; }
            set { lock (_lock) _limit = value; }
        }

        public int Used
        {
            get { lock (_lock) { Roll(); return _count; } }
        }

        public void Reset()
        {
            lock (_lock) _count = 0;
        }

        /// <summary>Counts one request, or refuses it (not counted) with the seconds until the next UTC midnight.</summary>
        public bool TryTake(out int retryAfterSeconds)
        {
            lock (_lock)
            {
                Roll();
                if (_count >= _limit)
                {
                    var now = DateTime.UtcNow;
                    retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((now.Date.AddDays(1) - now).TotalSeconds));
                    return false;
                }
                _count++;
                retryAfterSeconds = 0;
                return true;
            }
        }

        private void Roll()
        {
            var today = DateTime.UtcNow.Date;
            if (today != _day)
            {
                _day = today;
                _count = 0;
            }
        }
    }
}
