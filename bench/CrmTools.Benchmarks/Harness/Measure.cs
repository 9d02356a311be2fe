using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace CrmTools.Benchmarks.Harness
{
    /// <summary>Repeated timings of one thing, in seconds.</summary>
    internal sealed class Series
    {
        public Series(string name) => Name = name;

        public string Name { get; }
        public List<double> Values { get; } = new List<double>();
        public double Median => Measure.Median(Values);
        public double Min => Values.Min();
        public double Max => Values.Max();

        public override string ToString() => $"{Name}: median {Measure.Ms(Median)} (min {Measure.Ms(Min)}, max {Measure.Ms(Max)}, n={Values.Count})";
    }

    /// <summary>
    /// Paired measurement: warm-up of both, then baseline and candidate alternately (ABBA order, so a drift of the
    /// machine during the run hits both alike), a full GC before each timed run. Each run times itself and
    /// returns seconds, so set-up (resetting the sandbox) is not counted.
    /// </summary>
    internal static class Measure
    {
        public static (Series Baseline, Series Candidate) Paired(string baselineName, Func<double> baseline, string candidateName,
            Func<double> candidate, int warmup, int repetitions, Action<string>? log = null)
        {
            var b = new Series(baselineName);
            var c = new Series(candidateName);
            for (var i = 0; i < warmup; i++)
            {
                Settle();
                baseline();
                Settle();
                candidate();
            }
            for (var i = 0; i < repetitions; i++)
            {
                if (i % 2 == 0)
                {
                    Settle(); b.Values.Add(baseline());
                    Settle(); c.Values.Add(candidate());
                }
                else
                {
                    Settle(); c.Values.Add(candidate());
                    Settle(); b.Values.Add(baseline());
                }
                log?.Invoke($"    run {i + 1}/{repetitions}: {baselineName} {Ms(b.Values[^1])}, {candidateName} {Ms(c.Values[^1])}");
            }
            return (b, c);
        }

        /// <summary>Seconds taken by <paramref name="action"/>.</summary>
        public static double Time(Action action)
        {
            var sw = Stopwatch.StartNew();
            action();
            return sw.Elapsed.TotalSeconds;
        }

        public static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        public static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.OrderBy(v => v).ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        public static string Ms(double seconds) => seconds >= 10 ? $"{seconds:0.0} s" : seconds >= 1 ? $"{seconds:0.00} s" : $"{seconds * 1000:0.#} ms";
    }
}
