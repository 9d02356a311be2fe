using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmTools.HelpGen.Docs
{
    /// <summary>One block of a markdown section body: a paragraph, a list, or a fenced code block.</summary>
    internal sealed class MarkdownBlock
    {
        public MarkdownBlock(string text, string? fenceLanguage) { Text = text; FenceLanguage = fenceLanguage; }

        /// <summary>Help text: a paragraph's lines joined, a list's items one per line, a fence's content as is.</summary>
        public string Text { get; }

        /// <summary>The fence's info string ("powershell", "yaml", "" for none); null when not a fence.</summary>
        public string? FenceLanguage { get; }

        public bool IsFence => FenceLanguage != null;
    }

    /// <summary>
    /// Turns markdown lines into help text blocks. Console help has no markup, so paragraphs are unwrapped,
    /// list items keep one line each, inline code loses its backticks and links keep their text (and an
    /// absolute address). Code fences are kept line for line.
    /// </summary>
    internal static class MarkdownBlocks
    {
        private static readonly Regex ListItem = new Regex(@"^\s{0,3}([-*+]|\d+[.)])\s+");
        private static readonly Regex InlineCode = new Regex(@"`([^`]+)`");
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]*)\)");
        private static readonly Regex Strong = new Regex(@"(\*\*|__)(.+?)\1");
        private static readonly Regex Escape = new Regex(@"\\([\\`*_{}\[\]()#+\-.!<>|])");

        /// <summary>The fence marker (``` or ~~~) a line opens or closes with, or null.</summary>
        public static string? FenceMarker(string line)
        {
            string t = line.TrimStart();
            return t.StartsWith("```", StringComparison.Ordinal) ? "```"
                : t.StartsWith("~~~", StringComparison.Ordinal) ? "~~~"
                : null;
        }

        public static List<MarkdownBlock> Parse(IReadOnlyList<string> lines)
        {
            var blocks = new List<MarkdownBlock>();
            var pending = new List<string>();
            for (int i = 0; i < lines.Count; i++)
            {
                string? fence = FenceMarker(lines[i]);
                if (fence == null)
                {
                    if (lines[i].Trim().Length == 0) Flush(pending, blocks);
                    else pending.Add(lines[i]);
                    continue;
                }
                Flush(pending, blocks);
                string language = lines[i].Trim().Substring(3).Trim();
                var code = new List<string>();
                for (i++; i < lines.Count && FenceMarker(lines[i]) != fence; i++) code.Add(lines[i]);
                blocks.Add(new MarkdownBlock(string.Join("\n", code).TrimEnd(), language));
            }
            Flush(pending, blocks);
            return blocks;
        }

        /// <summary>Removes inline markup from one line of prose.</summary>
        public static string Inline(string text)
        {
            text = InlineCode.Replace(text, "$1");
            text = Link.Replace(text, m => IsAbsoluteUri(m.Groups[2].Value)
                ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
                : m.Groups[1].Value);
            text = Strong.Replace(text, "$2");
            return Escape.Replace(text, "$1");
        }

        public static bool IsAbsoluteUri(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https");

        private static void Flush(List<string> pending, List<MarkdownBlock> blocks)
        {
            if (pending.Count == 0) return;
            blocks.Add(new MarkdownBlock(ListItem.IsMatch(pending[0]) ? ListText(pending) : ParagraphText(pending), null));
            pending.Clear();
        }

        private static string ParagraphText(IEnumerable<string> lines) =>
            Inline(string.Join(" ", lines.Select(l => l.Trim())));

        // Each item on its own line; a wrapped item's continuation lines join it.
        private static string ListText(IEnumerable<string> lines)
        {
            var items = new List<string>();
            foreach (string line in lines)
            {
                if (ListItem.IsMatch(line) || items.Count == 0) items.Add(line.Trim());
                else items[items.Count - 1] += " " + line.Trim();
            }
            return string.Join("\n", items.Select(Inline));
        }
    }
}
