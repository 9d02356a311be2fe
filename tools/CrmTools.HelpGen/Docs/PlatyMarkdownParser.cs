using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmTools.HelpGen.Docs
{
    /// <summary>
    /// Reads one platyPS-style command file: front matter, "# Verb-Noun", then "## SECTION"s, with "### " entries
    /// under EXAMPLES, PARAMETERS, INPUTS and OUTPUTS. SYNTAX is ignored (it comes from the module's metadata),
    /// and so is each parameter's yaml block except its "Default value:".
    /// </summary>
    internal static class PlatyMarkdownParser
    {
        private static readonly Regex Heading = new Regex(@"^(#{1,3})\s+(.*?)\s*#*\s*$");
        private static readonly Regex Placeholder = new Regex(@"\{\{.*?\}\}");
        private static readonly Regex LinkLine = new Regex(@"\[([^\]]+)\]\(([^)\s]*)\)");
        private static readonly Regex DefaultValue = new Regex(@"^\s*Default value:\s*(.*?)\s*$", RegexOptions.IgnoreCase);

        private static readonly HashSet<string> KnownSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        public static CommandDoc Parse(string path)
        {
            var doc = new CommandDoc(path);
            var lines = MarkdownComments.Remove(File.ReadAllLines(path));
            int start = ReadFrontMatter(lines, doc);
            string currentSection = "";
            foreach (var section in Split(lines, start))
                currentSection = Apply(section, currentSection, doc);
            return doc;
        }

        private static int ReadFrontMatter(List<string> lines, CommandDoc doc)
        {
            if (lines.Count == 0 || lines[0].Trim() != "---") return 0;
            for (int i = 1; i < lines.Count; i++)
            {
                if (lines[i].Trim() == "---") return i + 1;
                int colon = lines[i].IndexOf(':');
                if (colon > 0 && lines[i].Substring(0, colon).Trim().Equals("online version", StringComparison.OrdinalIgnoreCase))
                {
                    string value = lines[i].Substring(colon + 1).Trim();
                    doc.OnlineVersion = value.Length > 0 ? value : null;
                }
            }
            doc.Problems.Add("the front matter (---) is never closed");
            return lines.Count;
        }

        /// <summary>A heading and the lines under it, up to the next heading outside a code fence.</summary>
        private sealed class Section
        {
            public Section(int level, string title) { Level = level; Title = title; }
            public int Level { get; }
            public string Title { get; }
            public List<string> Body { get; } = new List<string>();
        }

        private static List<Section> Split(List<string> lines, int start)
        {
            var sections = new List<Section> { new Section(0, "") };
            string? openFence = null;
            for (int i = start; i < lines.Count; i++)
            {
                string line = lines[i];
                string? fence = MarkdownBlocks.FenceMarker(line);
                if (openFence == null && fence != null) openFence = fence;
                else if (openFence != null && fence == openFence) openFence = null;
                else if (openFence == null && Heading.Match(line) is { Success: true } heading)
                {
                    sections.Add(new Section(heading.Groups[1].Length, heading.Groups[2].Value));
                    continue;
                }
                sections[sections.Count - 1].Body.Add(line);
            }
            return sections;
        }

        /// <summary>Adds one heading's content to the doc; returns the "## " section that is now open.</summary>
        private static string Apply(Section section, string currentSection, CommandDoc doc)
        {
            switch (section.Level)
            {
                case 0:
                    if (section.Body.Any(l => l.Trim().Length > 0)) doc.Problems.Add("text before the '# Verb-Noun' title");
                    return "";
                case 1:
                    if (doc.Title != null) doc.Problems.Add($"a second title '# {section.Title}'");
                    doc.Title = section.Title;
                    return "";
                case 2:
                    string name = section.Title.ToUpperInvariant();
                    if (!KnownSections.Contains(name))
                        doc.Problems.Add($"unknown section '## {section.Title}' (Get-Help would never show it)");
                    ApplySectionBody(name, section.Body, doc);
                    return name;
                default:
                    ApplyEntry(currentSection, section.Title, section.Body, doc);
                    return currentSection;
            }
        }

        private static void ApplySectionBody(string name, List<string> body, CommandDoc doc)
        {
            switch (name)
            {
                case "SYNOPSIS": doc.Synopsis.AddRange(Prose(body, doc, name)); break;
                case "DESCRIPTION": doc.Description.AddRange(Prose(body, doc, name)); break;
                case "NOTES": doc.Notes.AddRange(Prose(body, doc, name)); break;
                case "RELATED LINKS": doc.RelatedLinks.AddRange(Links(body)); break;
            }
        }

        private static void ApplyEntry(string section, string title, List<string> body, CommandDoc doc)
        {
            switch (section)
            {
                case "EXAMPLES": doc.Examples.Add(Example(title, body, doc)); break;
                case "PARAMETERS": AddParameter(title, body, doc); break;
                case "INPUTS": doc.Inputs.Add(TypeEntry(title, body, doc, section)); break;
                case "OUTPUTS": doc.Outputs.Add(TypeEntry(title, body, doc, section)); break;
                // A sub-heading inside prose is kept as a line of its own.
                case "DESCRIPTION": doc.Description.Add(title); doc.Description.AddRange(Prose(body, doc, section)); break;
                case "NOTES": doc.Notes.Add(title); doc.Notes.AddRange(Prose(body, doc, section)); break;
                default: doc.Problems.Add($"'### {title}' under '## {section}' is not used by Get-Help"); break;
            }
        }

        private static ExampleDoc Example(string title, List<string> body, CommandDoc doc)
        {
            var example = new ExampleDoc(title);
            foreach (var block in MarkdownBlocks.Parse(body))
            {
                if (block.IsFence && example.Code == null) example.Code = block.Text;
                else example.Remarks.Add(block.Text);
            }
            CheckPlaceholders(example.Remarks.Append(example.Code ?? ""), doc, $"example '{title}'");
            return example;
        }

        private static void AddParameter(string title, List<string> body, CommandDoc doc)
        {
            string name = title.TrimStart('-').Trim();
            if (doc.Parameters.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                doc.Problems.Add($"parameter -{name} is documented twice");
            var parameter = new ParameterDoc(name);
            foreach (var block in MarkdownBlocks.Parse(body))
            {
                if (block.FenceLanguage != null && block.FenceLanguage.Equals("yaml", StringComparison.OrdinalIgnoreCase))
                    parameter.DefaultValue = YamlDefaultValue(block.Text);
                else parameter.Description.Add(block.Text);
            }
            CheckPlaceholders(parameter.Description, doc, $"parameter -{name}");
            doc.Parameters.Add(parameter);
        }

        private static TypeDoc TypeEntry(string title, List<string> body, CommandDoc doc, string section)
        {
            var entry = new TypeDoc(MarkdownBlocks.Inline(title));
            entry.Description.AddRange(Prose(body, doc, section));
            return entry;
        }

        private static List<string> Prose(List<string> body, CommandDoc doc, string where)
        {
            var paragraphs = MarkdownBlocks.Parse(body).Select(b => b.Text).Where(t => t.Length > 0).ToList();
            CheckPlaceholders(paragraphs, doc, where);
            return paragraphs;
        }

        private static IEnumerable<LinkDoc> Links(List<string> body)
        {
            foreach (string line in body.Where(l => l.Trim().Length > 0))
            {
                var matches = LinkLine.Matches(line);
                if (matches.Count == 0)
                {
                    string text = line.Trim().TrimStart('-', '*').Trim();
                    yield return new LinkDoc(text, MarkdownBlocks.IsAbsoluteUri(text) ? text : null);
                }
                foreach (Match m in matches)
                {
                    string uri = m.Groups[2].Value;
                    yield return new LinkDoc(m.Groups[1].Value, MarkdownBlocks.IsAbsoluteUri(uri) ? uri : null);
                }
            }
        }

        private static string? YamlDefaultValue(string yaml)
        {
            foreach (string line in yaml.Split('\n'))
            {
                var m = DefaultValue.Match(line);
                if (!m.Success) continue;
                string value = m.Groups[1].Value.Trim('\'', '"');
                return value.Length == 0 || value.Equals("None", StringComparison.OrdinalIgnoreCase) ? null : value;
            }
            return null;
        }

        // platyPS writes "{{ Fill X Description }}" into new files; shipping that text is worse than nothing.
        private static void CheckPlaceholders(IEnumerable<string> texts, CommandDoc doc, string where)
        {
            if (texts.Any(t => Placeholder.IsMatch(t)))
                doc.Problems.Add($"{where} still has placeholder text {{{{ ... }}}}");
        }
    }
}
