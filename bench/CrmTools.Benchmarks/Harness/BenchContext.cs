using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using CrmTools.Sandbox;

namespace CrmTools.Benchmarks.Harness
{
    /// <summary>What every scenario shares: the mode, the sandbox, the log.</summary>
    internal sealed class BenchContext
    {
        public BenchContext(BenchMode mode, CrmSandbox sandbox)
        {
            Mode = mode;
            Sandbox = sandbox;
        }

        public BenchMode Mode { get; }
        public CrmSandbox Sandbox { get; }

        public void Log(string line) => Console.WriteLine(line);

        /// <summary>Puts the sandbox back to a known state: <paramref name="leads"/> leads, no latency, empty request log, fresh quota.</summary>
        public void Reset(int leads)
        {
            Sandbox.Control.LatencyMs = 0;
            Sandbox.Control.ClearFaults();
            if (Sandbox.Ppl.LeadCount != leads) Sandbox.Ppl.SeedLeads(leads);
            Sandbox.Control.ResetRequestLog();
            Sandbox.Ppl.ResetQuota();
        }

        /// <summary>
        /// Sets an internal static property of the engine in every copy of the engine loaded in this process (the
        /// module's private load context, and the default one): the switches the benchmark flips (page prefetch).
        /// </summary>
        public static int SetEngineSwitch(string typeName, string property, object value)
        {
            var set = 0;
            foreach (var assembly in AssemblyLoadContext.All.SelectMany(c => c.Assemblies).Distinct())
            {
                if (assembly.GetName().Name != "CrmTools.Engine") continue;
                var type = assembly.GetType(typeName, throwOnError: false);
                var prop = type?.GetProperty(property, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
                if (prop == null) continue;
                prop.SetValue(null, value);
                set++;
            }
            if (set == 0) throw new InvalidOperationException($"No loaded CrmTools.Engine has {typeName}.{property}.");
            return set;
        }
    }
}
