using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmTools.HelpGen.Docs;
using CrmTools.HelpGen.Metadata;

namespace CrmTools.HelpGen
{
    /// <summary>
    /// Checks the markdown against the module: every exported command documented, with a synopsis, a description
    /// and an example, and exactly the parameters the cmdlet has. Any problem fails the build, so help cannot
    /// fall behind the code.
    /// </summary>
    internal static class DocValidator
    {
        /// <param name="docs">The markdown files by command name (the file name without .md).</param>
        public static List<string> Check(IReadOnlyList<CommandModel> commands, IReadOnlyDictionary<string, CommandDoc> docs)
        {
            var problems = new List<string>();
            foreach (var command in commands)
            {
                if (!docs.TryGetValue(command.Name, out var doc))
                {
                    problems.Add($"{command.Name}: exported, but there is no {command.Name}.md (copy _template.md)");
                    continue;
                }
                foreach (string problem in CheckCommand(command, doc))
                    problems.Add($"{Path.GetFileName(doc.File)}: {problem}");
            }
            foreach (var file in docs.Where(d => !commands.Any(c => c.Name.Equals(d.Key, StringComparison.OrdinalIgnoreCase))))
                problems.Add($"{Path.GetFileName(file.Value.File)}: the module exports no command '{file.Key}' (rename or delete the file)");
            return problems;
        }

        private static IEnumerable<string> CheckCommand(CommandModel command, CommandDoc doc)
        {
            foreach (string problem in doc.Problems) yield return problem;
            if (!string.Equals(doc.Title, command.Name, StringComparison.Ordinal))
                yield return $"the title must be '# {command.Name}' (found '{doc.Title}')";
            if (doc.Synopsis.Count == 0) yield return "no SYNOPSIS";
            if (doc.Description.Count == 0) yield return "no DESCRIPTION";
            if (doc.Examples.Count == 0) yield return "no example (add '### Example 1: ...' under '## EXAMPLES')";
            foreach (var example in doc.Examples.Where(e => string.IsNullOrWhiteSpace(e.Code)))
                yield return $"example '{example.Title}' has no ```powershell code block";

            foreach (var documented in doc.Parameters)
            {
                var parameter = command.FindParameter(documented.Name);
                if (parameter == null)
                    yield return StandardParameters.IsCommon(documented.Name)
                        ? $"-{documented.Name} is a common parameter: remove its section (Get-Help shows <CommonParameters>)"
                        : $"-{documented.Name} is documented but {command.Name} has no such parameter";
                else if (documented.Description.Count == 0)
                    yield return $"-{documented.Name} has no description";
                else if (documented.Name != parameter.Name)
                    yield return $"-{documented.Name} must be spelled -{parameter.Name}";
            }
            foreach (var parameter in command.Parameters)
            {
                bool documented = doc.Parameters.Any(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (!documented && parameter.StandardDescription == null)
                    yield return $"-{parameter.Name} is not documented (add '### -{parameter.Name}' under '## PARAMETERS')";
            }
        }
    }
}
