using System;
using System.Collections.Generic;

namespace CrmTools.Host
{
    /// <summary>The parsed command line. Options come first; the first other word is the script, the rest are its arguments.</summary>
    internal sealed class HostCommandLine
    {
        public const string Usage =
@"Usage:
  CrmTools.Host [--module <CrmTools.psd1> | --no-module] [--preload <assembly.dll>]... <script.ps1> [script arguments]
  CrmTools.Host --sandbox [--port <n>]

  --module <path>     module manifest to import (default: out/CrmTools/CrmTools.psd1 above this program)
  --no-module         import nothing (to try the host itself)
  --preload <path>    load an assembly into the process before the module (repeatable)
  --sandbox           start the CRM sandbox on its own and wait for Ctrl+C
  --port <n>          sandbox port (default: a free one)

Script arguments are passed as pwsh -File does: -Name value binds -Name, other words are positional.
Exit code: 0, 1 when the script ended with a terminating error or was stopped, N for 'exit N', 2 for usage errors.";

        public string? ModulePath { get; private set; }
        public bool NoModule { get; private set; }
        public List<string> Preload { get; } = new List<string>();
        public bool Sandbox { get; private set; }
        public int Port { get; private set; }
        public bool ShowHelp { get; private set; }
        public string? ScriptPath { get; private set; }
        public List<string> ScriptArguments { get; } = new List<string>();

        /// <summary>Parses <paramref name="args"/>; throws <see cref="StartupException"/> with a message for the user.</summary>
        public static HostCommandLine Parse(IReadOnlyList<string> args)
        {
            var line = new HostCommandLine();
            int i = 0;
            for (; i < args.Count && line.ScriptPath == null; i++)
            {
                switch (args[i])
                {
                    case "--module": line.ModulePath = Value(args, ref i); break;
                    case "--no-module": line.NoModule = true; break;
                    case "--preload": line.Preload.Add(Value(args, ref i)); break;
                    case "--sandbox": line.Sandbox = true; break;
                    case "--port": line.Port = PortValue(Value(args, ref i)); break;
                    case "-h": case "--help": case "-?": line.ShowHelp = true; break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal))
                            throw new StartupException($"Unknown option '{args[i]}'.", showUsage: true);
                        line.ScriptPath = args[i];
                        break;
                }
            }
            for (; i < args.Count; i++) line.ScriptArguments.Add(args[i]);

            if (!line.ShowHelp && !line.Sandbox && line.ScriptPath == null)
                throw new StartupException("No script given.", showUsage: true);
            if (line.Sandbox && line.ScriptPath != null)
                throw new StartupException("--sandbox takes no script.", showUsage: true);
            return line;
        }

        private static string Value(IReadOnlyList<string> args, ref int i)
        {
            if (i + 1 >= args.Count) throw new StartupException($"{args[i]} needs a value.", showUsage: true);
            return args[++i];
        }

        private static int PortValue(string text) =>
            int.TryParse(text, out int port) && port >= 0 && port <= 65535
                ? port
                : throw new StartupException($"'{text}' is not a port number.", showUsage: true);
    }
}
