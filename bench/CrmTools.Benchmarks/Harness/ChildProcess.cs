using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace CrmTools.Benchmarks.Harness
{
    /// <summary>Runs a helper process and reads the "KEY=value" lines it prints.</summary>
    internal static class ChildProcess
    {
        /// <summary>This benchmark program again, with <paramref name="args"/> (a child mode).</summary>
        public static Dictionary<string, string> RunSelf(params string[] args)
        {
            var self = Environment.ProcessPath ?? "dotnet";
            var list = new List<string>();
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(typeof(ChildProcess).Assembly.Location);
            }
            list.AddRange(args);
            return Run(self, list);
        }

        /// <summary>The console host (tools/CrmTools.Host) running <paramref name="script"/> without importing anything first.</summary>
        public static Dictionary<string, string> RunHostScript(string script, params string[] scriptArgs)
        {
            var list = new List<string> { Paths.HostDll, "--no-module", script };
            list.AddRange(scriptArgs);
            return Run("dotnet", list);
        }

        private static Dictionary<string, string> Run(string file, List<string> args)
        {
            var start = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
            var stderr = new StringBuilder();
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var stdout = new StringBuilder();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                stdout.AppendLine(line);
                var eq = line.IndexOf('=');
                if (eq > 0 && line.Substring(0, eq).Trim().ToUpperInvariant() == line.Substring(0, eq).Trim() && !line.Substring(0, eq).Contains(' '))
                {
                    values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
                }
            }
            if (!process.WaitForExit(600_000)) process.Kill(true);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{stdout}\n{stderr}");
            }
            return values;
        }

        public static double Number(Dictionary<string, string> values, string key) =>
            values.TryGetValue(key, out var text) ? double.Parse(text, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"The child printed no {key}= line.");
    }
}
