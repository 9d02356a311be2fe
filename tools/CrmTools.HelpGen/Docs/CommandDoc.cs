using System.Collections.Generic;

namespace CrmTools.HelpGen.Docs
{
    /// <summary>The prose of one command, as written in its markdown file. Paragraphs are plain text, one string each.</summary>
    internal sealed class CommandDoc
    {
        public CommandDoc(string file) => File = file;

        /// <summary>The markdown file, for messages.</summary>
        public string File { get; }

        /// <summary>The "# Verb-Noun" title.</summary>
        public string? Title { get; set; }

        /// <summary>Front matter "online version": the address Get-Help -Online opens.</summary>
        public string? OnlineVersion { get; set; }

        public List<string> Synopsis { get; } = new List<string>();
        public List<string> Description { get; } = new List<string>();
        public List<ExampleDoc> Examples { get; } = new List<ExampleDoc>();

        /// <summary>Parameters in the order the file documents them.</summary>
        public List<ParameterDoc> Parameters { get; } = new List<ParameterDoc>();

        public List<TypeDoc> Inputs { get; } = new List<TypeDoc>();
        public List<TypeDoc> Outputs { get; } = new List<TypeDoc>();
        public List<string> Notes { get; } = new List<string>();
        public List<LinkDoc> RelatedLinks { get; } = new List<LinkDoc>();

        /// <summary>Problems found while reading (placeholder text, duplicated sections...).</summary>
        public List<string> Problems { get; } = new List<string>();
    }

    internal sealed class ExampleDoc
    {
        public ExampleDoc(string title) => Title = title;
        public string Title { get; }
        /// <summary>The first fenced block: what the user types.</summary>
        public string? Code { get; set; }
        /// <summary>Everything after the code: explanation, sample output.</summary>
        public List<string> Remarks { get; } = new List<string>();
    }

    internal sealed class ParameterDoc
    {
        public ParameterDoc(string name) => Name = name;
        public string Name { get; }
        public List<string> Description { get; } = new List<string>();
        /// <summary>"Default value:" from the yaml block, when it names one (metadata cannot tell defaults).</summary>
        public string? DefaultValue { get; set; }
    }

    internal sealed class TypeDoc
    {
        public TypeDoc(string typeName) => TypeName = typeName;
        public string TypeName { get; }
        public List<string> Description { get; } = new List<string>();
    }

    internal sealed class LinkDoc
    {
        public LinkDoc(string text, string? uri) { Text = text; Uri = uri; }
        public string Text { get; }
        /// <summary>An absolute address, or null (links to sibling .md files mean nothing to Get-Help).</summary>
        public string? Uri { get; }
    }
}
