using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CrmTools.HelpGen.Docs;
using CrmTools.HelpGen.Metadata;
using CrmTools.Hosting;

namespace CrmTools.HelpGen
{
    /// <summary>
    /// Reads the written help back through Get-Help -Full in a fresh session, as a user would: catches a file
    /// Get-Help does not find (wrong name or folder) or does not understand.
    /// </summary>
    internal static class HelpVerifier
    {
        private const string Summary = @"param([string[]]$Names)
foreach ($name in $Names) {
    $help = Get-Help $name -Full
    [pscustomobject]@{
        Name = $name
        Synopsis = [string]$help.Synopsis
        Description = @($help.description).Count
        Examples = @($help.examples.example).Count
        Parameters = @($help.parameters.parameter).Count
        Undescribed = @($help.parameters.parameter | Where-Object { -not $_.description }).Count
    }
}";

        public static List<string> Check(string manifestPath, IReadOnlyList<(CommandModel Command, CommandDoc Doc)> commands)
        {
            // Get-Help looks in <module>/<UI culture>/ and falls back to en-US, where the generator writes.
            using Runspace runspace = HostedRunspace.Open(new CrmToolsHost(HostIO.Capture(TextWriter.Null)));
            HostedRunspace.ImportModule(runspace, manifestPath);
            using var ps = PowerShell.Create(runspace);
            ps.AddScript(Summary).AddParameter("Names", commands.Select(c => c.Command.Name).ToArray());

            var problems = new List<string>();
            foreach (var help in ps.Invoke())
            {
                var expected = commands.First(c => c.Command.Name == (string)help.Properties["Name"].Value);
                problems.AddRange(Compare(help, expected.Command, expected.Doc));
            }
            problems.AddRange(ps.Streams.Error.Select(e => "Get-Help failed: " + e));
            return problems;
        }

        private static IEnumerable<string> Compare(PSObject help, CommandModel command, CommandDoc doc)
        {
            int Count(string property) => (int)help.Properties[property].Value;

            string synopsis = (string)help.Properties["Synopsis"].Value;
            if (!synopsis.StartsWith(doc.Synopsis[0], StringComparison.Ordinal))
                yield return $"{command.Name}: Get-Help shows no synopsis from the help file (is it where Get-Help looks?)";
            if (Count("Description") == 0) yield return $"{command.Name}: Get-Help shows no description";
            if (Count("Examples") != doc.Examples.Count) yield return $"{command.Name}: Get-Help shows {Count("Examples")} of {doc.Examples.Count} examples";
            if (Count("Parameters") != command.Parameters.Count)
                yield return $"{command.Name}: Get-Help shows {Count("Parameters")} of {command.Parameters.Count} parameters";
            if (Count("Undescribed") > 0) yield return $"{command.Name}: Get-Help shows {Count("Undescribed")} parameter(s) without a description";
        }
    }
}
