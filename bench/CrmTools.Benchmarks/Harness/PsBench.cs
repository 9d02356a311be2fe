using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;

namespace CrmTools.Benchmarks.Harness
{
    /// <summary>A hosted PowerShell 7.6 runspace (the NuGet engine, no pwsh), optionally with a module imported by path.</summary>
    internal sealed class PsBench : IDisposable
    {
        private readonly Runspace _runspace;

        private PsBench(Runspace runspace) => _runspace = runspace;

        /// <summary>Opens a runspace with the default session state and imports <paramref name="module"/> (a path) if given.</summary>
        public static PsBench Open(string? module)
        {
            var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            var bench = new PsBench(runspace);
            if (module != null) bench.Run("Import-Module -Name $Path -ErrorAction Stop", new Dictionary<string, object?> { ["Path"] = module });
            return bench;
        }

        /// <summary>Opens a runspace with the packaged CrmTools imported and connected to the sandbox's ProPipelines with its API key.</summary>
        public static PsBench OpenConnected(Uri pplUri, string apiKey)
        {
            var bench = Open(Paths.ModuleManifest);
            bench.Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey", new Dictionary<string, object?>
            {
                ["PplUri"] = pplUri,
                ["PplKey"] = Secure(apiKey),
            });
            return bench;
        }

        public Runspace Runspace => _runspace;

        /// <summary>Runs a script; any error (terminating or not) fails the benchmark, since a failing run measures nothing.</summary>
        public Collection<PSObject> Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = Create(script, variables);
            var output = ps.Invoke();
            if (ps.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' wrote errors: " + string.Join("; ", ps.Streams.Error.Take(3).Select(e => e.ToString())));
            }
            return output;
        }

        /// <summary>Runs a script and returns its errors instead of failing.</summary>
        public (Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors) RunAllowingErrors(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = Create(script, variables);
            Collection<PSObject> output;
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                return (new Collection<PSObject>(), ps.Streams.Error.Append(ex.ErrorRecord).ToList());
            }
            return (output, ps.Streams.Error.ToList());
        }

        /// <summary>Seconds one run of <paramref name="script"/> takes (the variables are set before the clock starts).</summary>
        public double Time(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = Create(script, variables);
            var sw = Stopwatch.StartNew();
            ps.Invoke();
            sw.Stop();
            if (ps.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' wrote errors: " + string.Join("; ", ps.Streams.Error.Take(3).Select(e => e.ToString())));
            }
            return sw.Elapsed.TotalSeconds;
        }

        private PowerShell Create(string script, IDictionary<string, object?>? variables)
        {
            if (variables != null)
            {
                foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            }
            var ps = PowerShell.Create(_runspace);
            ps.AddScript(script);
            return ps;
        }

        public static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

        public void Dispose() => _runspace.Dispose();
    }
}
