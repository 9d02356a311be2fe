namespace CrmTools.Benchmarks
{
    /// <summary>Sizes and repetitions: --short finishes in a few minutes on 2 cores, --full takes longer and is steadier.</summary>
    internal sealed class BenchMode
    {
        public string Name { get; private set; } = "short";
        public int Warmup { get; private set; } = 1;

        public int StreamLeads { get; private set; } = 20_000;
        public int StreamRepetitions { get; private set; } = 9;

        public int MemoryLeads { get; private set; } = 100_000;
        public int MemoryRepetitions { get; private set; } = 1;

        public int ImportColdRepetitions { get; private set; } = 3;
        public int ImportWarmRepetitions { get; private set; } = 5;

        public int BulkItems { get; private set; } = 160;
        public int BulkRepetitions { get; private set; } = 1;

        public int PrefetchLeads { get; private set; } = 4_000;
        public int PrefetchRepetitions { get; private set; } = 3;

        public int RequestItems { get; private set; } = 1_000;

        public const int LatencyMs = 50;
        public const int Concurrency = 8;

        public static BenchMode Short() => new BenchMode();

        public static BenchMode Full() => new BenchMode
        {
            Name = "full",
            Warmup = 2,
            StreamRepetitions = 21,
            MemoryRepetitions = 3,
            ImportColdRepetitions = 7,
            ImportWarmRepetitions = 15,
            BulkItems = 1_000,
            BulkRepetitions = 3,
            PrefetchLeads = 20_000,
            PrefetchRepetitions = 5,
        };

        public string Describe() =>
            $"warm-up {Warmup}; streaming {StreamLeads:N0} leads x{StreamRepetitions}; memory {MemoryLeads:N0} leads x{MemoryRepetitions}; " +
            $"import cold x{ImportColdRepetitions}, warm x{ImportWarmRepetitions}; bulk {BulkItems:N0} items x{BulkRepetitions} at {LatencyMs} ms; " +
            $"prefetch {PrefetchLeads:N0} leads x{PrefetchRepetitions} at {LatencyMs} ms; requests {RequestItems:N0} items";
    }
}
