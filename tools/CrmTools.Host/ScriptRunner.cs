using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using CrmTools.Hosting;

namespace CrmTools.Host
{
    /// <summary>
    /// Runs one script the way pwsh -File would: output through Out-Default (so the module's table views
    /// render), errors in the same stream and order as the output, and an exit code for the caller.
    /// </summary>
    internal static class ScriptRunner
    {
        public const int Success = 0;
        public const int Failure = 1;

        public static int Run(HostCommandLine options)
        {
            string script = Path.GetFullPath(options.ScriptPath!);
            if (!File.Exists(script)) throw new StartupException($"Script '{script}' does not exist.");
            string? module = options.NoModule ? null : ResolveModule(options.ModulePath);

            // Preloaded first, so the module meets them already in the process (the dependency-conflict test).
            foreach (string assembly in options.Preload) Preload(assembly);

            var host = new CrmToolsHost(HostIO.FromConsole());
            using Runspace runspace = HostedRunspace.Open(host);
            try
            {
                if (module != null) HostedRunspace.ImportModule(runspace, module);
            }
            catch (ModuleImportException ex)
            {
                host.UI.WriteErrorLine(ex.Message);
                return Failure;
            }
            return RunScript(host, runspace, ScriptInvocation.Build(script, options.ScriptArguments));
        }

        private static int RunScript(CrmToolsHost host, Runspace runspace, string invocation)
        {
            using var ps = PowerShell.Create(runspace);
            // Errors go down the pipeline with the output, like in pwsh, so Out-Default shows them in order;
            // NormalView prints the category and FullyQualifiedErrorId that ConciseView hides.
            ps.AddScript("$global:ErrorView = 'NormalView'; $global:LASTEXITCODE = 0").Invoke();
            ps.Commands.Clear();
            ps.AddScript(invocation).AddCommand("Out-Default");
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);

            using (CtrlC.StopsPipeline(ps))
            {
                try
                {
                    ps.Invoke();
                    // A stop that lands between statements ends Invoke without an exception.
                    if (ps.InvocationStateInfo.State == PSInvocationState.Stopped) return Failure;
                }
                catch (PipelineStoppedException)
                {
                    return Failure;
                }
                catch (RuntimeException ex)
                {
                    // As in pwsh, Out-Default ends with the pipeline: a table it was still sizing from its first
                    // rows (objects with no format view) is lost. The module's types all have views and stream.
                    host.UI.WriteErrorLine(ErrorRecordFormatter.Format(ex.ErrorRecord));
                    return Failure;
                }
            }

            if (host.ShouldExit) return host.ExitCode;
            // 'exit N' in the script file sets $LASTEXITCODE, as pwsh -File passes it on.
            return runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : Success;
        }

        private static void Preload(string path)
        {
            try
            {
                Assembly.LoadFrom(Path.GetFullPath(path));
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is BadImageFormatException || ex is FileLoadException)
            {
                throw new StartupException($"--preload '{path}': {ex.Message}");
            }
        }

        private static string ResolveModule(string? given)
        {
            if (given != null)
            {
                string full = Path.GetFullPath(given);
                return File.Exists(full) ? full : throw new StartupException($"Module manifest '{full}' does not exist.");
            }
            return PackagedModuleLocator.Find(AppContext.BaseDirectory)
                ?? throw new StartupException(
                    $"No {PackagedModuleLocator.RelativeManifestPath} found above {AppContext.BaseDirectory}: " +
                    "build the module first (dotnet build), or pass --module <path>.");
        }
    }
}
