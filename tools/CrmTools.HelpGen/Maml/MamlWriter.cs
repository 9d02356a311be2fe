using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmTools.HelpGen.Docs;
using CrmTools.HelpGen.Metadata;

namespace CrmTools.HelpGen.Maml
{
    /// <summary>
    /// Writes the MAML file Get-Help reads for compiled cmdlets: syntax and parameter attributes from the
    /// cmdlet's metadata, every piece of prose from its markdown.
    /// </summary>
    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Write(IEnumerable<(CommandModel Command, CommandDoc Doc)> commands) =>
            new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                    commands.Select(c => CommandElement(c.Command, c.Doc))));

        private static XElement CommandElement(CommandModel command, CommandDoc doc) =>
            new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XElement(Command + "details",
                    new XElement(Command + "name", command.Name),
                    new XElement(Command + "verb", command.Verb),
                    new XElement(Command + "noun", command.Noun),
                    Description(doc.Synopsis)),
                Description(doc.Description),
                new XElement(Command + "syntax", command.Syntax.Select(s => SyntaxItem(command, s))),
                new XElement(Command + "parameters", OrderedParameters(command, doc).Select(p => Parameter(p.Model, p.Doc))),
                new XElement(Command + "inputTypes", TypeEntries(doc.Inputs, PipelineInputTypes(command))
                    .Select(t => TypeElement("inputType", t))),
                new XElement(Command + "returnValues", TypeEntries(doc.Outputs, command.OutputTypes)
                    .Select(t => TypeElement("returnValue", t))),
                doc.Notes.Count == 0 ? null : new XElement(MamlNs + "alertSet", new XElement(MamlNs + "alert", Paras(doc.Notes))),
                new XElement(Command + "examples", doc.Examples.Select((e, i) => Example(e, i + 1))),
                new XElement(Command + "relatedLinks", Links(doc)));

        private static XElement SyntaxItem(CommandModel command, SyntaxModel syntax) =>
            new XElement(Command + "syntaxItem",
                new XElement(MamlNs + "name", command.Name),
                syntax.Parameters.Select(p => SyntaxParameter(p.Parameter, p.Usage)));

        private static XElement SyntaxParameter(ParameterModel parameter, ParameterUsage usage) =>
            new XElement(Command + "parameter",
                ParameterAttributes(parameter, Bool(usage.Mandatory), Position(usage.Position), PipelineInput(new[] { usage })),
                new XElement(MamlNs + "name", parameter.Name),
                parameter.AcceptedValues.Count == 0 || parameter.IsSwitch ? null
                    : new XElement(Command + "parameterValueGroup", parameter.AcceptedValues.Select(v =>
                        new XElement(Command + "parameterValue", new XAttribute("required", "false"),
                            new XAttribute(Command + "variableLength", "false"), v))),
                parameter.IsSwitch ? null : ParameterValue(parameter),
                TypeField(parameter));

        private static XElement Parameter(ParameterModel parameter, ParameterDoc? doc) =>
            new XElement(Command + "parameter",
                ParameterAttributes(parameter,
                    PerSet(parameter, u => Bool(u.Mandatory)),
                    PerSet(parameter, u => Position(u.Position)),
                    PipelineInput(parameter.Usages)),
                new XElement(MamlNs + "name", parameter.Name),
                Description(doc?.Description.Count > 0 ? doc.Description : new List<string> { parameter.StandardDescription ?? "" }),
                ParameterValue(parameter),
                TypeField(parameter),
                new XElement(Dev + "defaultValue", doc?.DefaultValue ?? parameter.DeclaredDefault ?? (parameter.IsSwitch ? "False" : "None")));

        private static object[] ParameterAttributes(ParameterModel parameter, string required, string position, string pipelineInput) =>
            new object[]
            {
                new XAttribute("required", required),
                new XAttribute("variableLength", Bool(parameter.Type.IsArray)),
                new XAttribute("globbing", Bool(parameter.SupportsWildcards)),
                new XAttribute("pipelineInput", pipelineInput),
                new XAttribute("position", position),
                new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            };

        private static XElement ParameterValue(ParameterModel parameter) =>
            new XElement(Command + "parameterValue",
                new XAttribute("required", Bool(!parameter.IsSwitch)),
                new XAttribute("variableLength", Bool(parameter.Type.IsArray)),
                TypeNames.Short(parameter.Type));

        private static XElement TypeField(ParameterModel parameter) =>
            new XElement(Dev + "type", new XElement(MamlNs + "name", TypeNames.Full(parameter.Type)), new XElement(MamlNs + "uri"));

        // The markdown's order, then engine-supplied parameters it left to their standard text.
        private static IEnumerable<(ParameterModel Model, ParameterDoc? Doc)> OrderedParameters(CommandModel command, CommandDoc doc)
        {
            var documented = doc.Parameters
                .Select(d => (Model: command.FindParameter(d.Name), Doc: (ParameterDoc?)d))
                .Where(p => p.Model != null)
                .Select(p => (p.Model!, p.Doc))
                .ToList();
            var standard = command.Parameters
                .Where(p => !documented.Any(d => d.Item1 == p))
                .Select(p => (p, (ParameterDoc?)null));
            return documented.Concat(standard);
        }

        // Same value in every set: that value. Otherwise each set says its own, e.g. "true (ById), false (ByName)".
        private static string PerSet(ParameterModel parameter, Func<ParameterUsage, string> value)
        {
            var values = parameter.Usages.Select(value).Distinct().ToList();
            return values.Count == 1
                ? values[0]
                : string.Join(", ", parameter.Usages.Select(u => $"{value(u)} ({u.SetName})"));
        }

        private static string PipelineInput(IEnumerable<ParameterUsage> usages)
        {
            var list = usages.ToList();
            var kinds = new List<string>();
            if (list.Any(u => u.ByValue)) kinds.Add("ByValue");
            if (list.Any(u => u.ByPropertyName)) kinds.Add("ByPropertyName");
            return kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
        }

        private static string Position(int? position) => position?.ToString() ?? "named";

        private static string Bool(bool value) => value ? "true" : "false";

        private static IEnumerable<string> PipelineInputTypes(CommandModel command) =>
            command.Parameters.Where(p => p.Usages.Any(u => u.ByValue)).Select(p => TypeNames.Full(p.Type)).Distinct();

        // The markdown's INPUTS/OUTPUTS; when it has none, what the metadata says ("None" when nothing).
        private static IEnumerable<TypeDoc> TypeEntries(List<TypeDoc> documented, IEnumerable<string> fromMetadata)
        {
            if (documented.Count > 0) return documented;
            var types = fromMetadata.Select(t => new TypeDoc(t)).ToList();
            return types.Count > 0 ? types : new List<TypeDoc> { new TypeDoc("None") };
        }

        private static XElement TypeElement(string element, TypeDoc type) =>
            new XElement(Command + element,
                new XElement(Dev + "type", new XElement(MamlNs + "name", type.TypeName)),
                Description(type.Description));

        private static XElement Example(ExampleDoc example, int number) =>
            new XElement(Command + "example",
                new XElement(MamlNs + "title", $"--------- {Title(example.Title, number)} ---------"),
                new XElement(Dev + "code", example.Code ?? ""),
                // The trailing empty paragraph puts a blank line before the next example, as in PowerShell's own help.
                new XElement(Dev + "remarks", Paras(example.Remarks.Append(""))));

        // "Example 1: List leads" stays as written; a bare "List leads" gets its number.
        private static string Title(string title, int number) =>
            title.StartsWith("Example", StringComparison.OrdinalIgnoreCase) ? title : $"Example {number}: {title}";

        private static IEnumerable<XElement> Links(CommandDoc doc)
        {
            if (doc.OnlineVersion != null) yield return Link("Online Version:", doc.OnlineVersion);
            foreach (var link in doc.RelatedLinks) yield return Link(link.Text, link.Uri);
        }

        private static XElement Link(string text, string? uri) =>
            new XElement(MamlNs + "navigationLink", new XElement(MamlNs + "linkText", text), new XElement(MamlNs + "uri", uri ?? ""));

        private static XElement Description(IEnumerable<string> paragraphs) =>
            new XElement(MamlNs + "description", Paras(paragraphs));

        private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
            paragraphs.Select(p => new XElement(MamlNs + "para", p));
    }
}
