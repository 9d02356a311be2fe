namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// A tiny SplitMix64 generator: the data must be identical on .NET Framework and .NET,
    /// and for one lead whatever the total count, so each record gets its own stream.
    /// </summary>
    internal struct PplRandom
    {
        private ulong _state;

        public PplRandom(long seed) => _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

        public static PplRandom For(int seed, int stream, int index) =>
            new PplRandom(((long)seed << 32) ^ ((long)stream << 24) ^ index);

        public ulong NextULong()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>0 &lt;= result &lt; max.</summary>
        public int Next(int max) => max <= 0 ? 0 : (int)(NextULong() % (ulong)max);

        /// <summary>min &lt;= result &lt; max.</summary>
        public int Next(int min, int max) => min + Next(max - min);

        /// <summary>True with the given chance in percent.</summary>
        public bool Chance(int percent) => Next(100) < percent;

        public T Pick<T>(T[] items) => items[Next(items.Length)];
    }
}
