using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using CrmTools.HelpGen.Docs;
using CrmTools.HelpGen.Maml;
using CrmTools.HelpGen.Metadata;
using CrmTools.Hosting;

namespace CrmTools.HelpGen
{
    /// <summary>Reads the docs and the module, checks one against the other, writes the MAML and reads it back.</summary>
    internal static class HelpGenerator
    {
        /// <summary>Returns the problems found; empty when the help was written (and, in the module, Get-Help shows all of it).
        /// With problems no help file is left behind: a stale or unreadable one must not ship.</summary>
        public static List<string> Run(HelpGenOptions options)
        {
            var problems = WriteHelp(options, out int commandCount);
            if (problems.Count > 0) File.Delete(options.OutputFile);
            else Console.WriteLine($"CrmTools.HelpGen: wrote help for {commandCount} command(s) to {options.OutputFile}");
            return problems;
        }

        private static List<string> WriteHelp(HelpGenOptions options, out int commandCount)
        {
            var docs = ReadDocs(options.DocsDirectory);
            var commands = ReadCommands(options.ModuleManifest);
            commandCount = commands.Count;

            var problems = DocValidator.Check(commands, docs);
            problems.AddRange(CheckHelpFileName(commands, options.OutputFile));
            if (problems.Count > 0) return problems;

            var documented = commands.Select(c => (Command: c, Doc: docs[c.Name])).ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(options.OutputFile)!);
            MamlWriter.Write(documented).Save(options.OutputFile);

            // Read it back only where Get-Help looks: <module folder>/<culture>/.
            if (IsInModuleCultureFolder(options)) problems.AddRange(HelpVerifier.Check(options.ModuleManifest, documented));
            return problems;
        }

        /// <summary>Every *.md file except those starting with "_" (templates), by command name.</summary>
        private static Dictionary<string, CommandDoc> ReadDocs(string directory) =>
            Directory.EnumerateFiles(directory, "*.md")
                .Where(f => !Path.GetFileName(f).StartsWith("_", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f), PlatyMarkdownParser.Parse, StringComparer.OrdinalIgnoreCase);

        private static List<CommandModel> ReadCommands(string manifest)
        {
            // Import warnings and errors are worth seeing in the build log.
            var host = new CrmToolsHost(new HostIO(Console.Out, Console.Error));
            using Runspace runspace = HostedRunspace.Open(host);
            var module = HostedRunspace.ImportModule(runspace, manifest);
            return ModuleMetadataReader.Read(runspace, module);
        }

        // Get-Help finds a cmdlet's MAML by the name the cmdlet declares (its assembly's file name + "-Help.xml").
        private static IEnumerable<string> CheckHelpFileName(List<CommandModel> commands, string outputFile)
        {
            string name = Path.GetFileName(outputFile);
            return commands
                .Where(c => c.HelpFile != null && !c.HelpFile.Equals(name, StringComparison.OrdinalIgnoreCase))
                .Select(c => $"{c.Name}: Get-Help looks for '{c.HelpFile}', not '{name}'");
        }

        private static bool IsInModuleCultureFolder(HelpGenOptions options) =>
            string.Equals(
                Path.GetDirectoryName(Path.GetDirectoryName(options.OutputFile)),
                Path.GetDirectoryName(options.ModuleManifest),
                StringComparison.Ordinal);
    }
}
