using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Opens the runspace every CrmTools tool and test uses: the default session state (which, hosted from
    /// NuGet, has only the Microsoft.PowerShell.Core commands), a <see cref="CrmToolsHost"/>, and the module
    /// imported by path exactly as a user would.
    /// </summary>
    public static class HostedRunspace
    {
        public static Runspace Open(CrmToolsHost host)
        {
            var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            // No ANSI styling where the output is not a terminal: files and test captures stay plain text.
            if (!host.IO.ColorOutput) Run(runspace, "$PSStyle.OutputRendering = 'PlainText'");
            return runspace;
        }

        /// <summary>Imports a module by manifest path into the global scope; throws <see cref="ModuleImportException"/> with PowerShell's own message if it fails.</summary>
        public static PSModuleInfo ImportModule(Runspace runspace, string manifestPath)
        {
            using var ps = PowerShell.Create(runspace);
            ps.AddCommand("Import-Module").AddParameter("Name", manifestPath).AddParameter("PassThru")
                .AddParameter("ErrorAction", "Stop");
            Collection<PSModuleInfo> imported;
            try
            {
                imported = ps.Invoke<PSModuleInfo>();
            }
            catch (RuntimeException ex)
            {
                throw new ModuleImportException(
                    $"Import-Module '{manifestPath}' failed:{Environment.NewLine}{ErrorRecordFormatter.Format(ex.ErrorRecord)}", ex);
            }
            if (ps.Streams.Error.Count > 0)
                throw new ModuleImportException($"Import-Module '{manifestPath}' failed:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, ps.Streams.Error.Select(ErrorRecordFormatter.Format)));
            return imported[0];
        }

        private static void Run(Runspace runspace, string script)
        {
            using var ps = PowerShell.Create(runspace);
            ps.AddScript(script).Invoke();
        }
    }
}
