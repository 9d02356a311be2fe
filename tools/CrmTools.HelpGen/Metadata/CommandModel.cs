using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTools.HelpGen.Metadata
{
    /// <summary>What the compiled cmdlet says about itself (Get-Command metadata): the part of help that must not drift.</summary>
    internal sealed class CommandModel
    {
        public CommandModel(string name, string verb, string noun, string? helpFile)
        {
            Name = name; Verb = verb; Noun = noun; HelpFile = helpFile;
        }

        public string Name { get; }
        public string Verb { get; }
        public string Noun { get; }

        /// <summary>The MAML file name Get-Help looks for (the cmdlet assembly's file name + "-Help.xml").</summary>
        public string? HelpFile { get; }

        /// <summary>Every parameter except the common ones, in declaration order.</summary>
        public List<ParameterModel> Parameters { get; } = new List<ParameterModel>();

        /// <summary>One syntax line per parameter set, default set first.</summary>
        public List<SyntaxModel> Syntax { get; } = new List<SyntaxModel>();

        /// <summary>[OutputType] names.</summary>
        public List<string> OutputTypes { get; } = new List<string>();

        public ParameterModel? FindParameter(string name) =>
            Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed class ParameterModel
    {
        public ParameterModel(string name, Type type) { Name = name; Type = type; }

        public string Name { get; }
        public Type Type { get; }
        public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);
        public List<string> Aliases { get; } = new List<string>();

        /// <summary>ValidateSet values, or an enum's names.</summary>
        public List<string> AcceptedValues { get; } = new List<string>();

        public bool SupportsWildcards { get; set; }

        /// <summary>From [PSDefaultValue(Help/Value)], when the cmdlet declares one.</summary>
        public string? DeclaredDefault { get; set; }

        /// <summary>Set for parameters the engine adds (-WhatIf, -First, ...): used when the markdown says nothing.</summary>
        public string? StandardDescription { get; set; }

        /// <summary>How the parameter behaves in each parameter set it belongs to.</summary>
        public List<ParameterUsage> Usages { get; } = new List<ParameterUsage>();
    }

    internal sealed class ParameterUsage
    {
        public ParameterUsage(string setName, bool mandatory, int? position, bool byValue, bool byPropertyName)
        {
            SetName = setName; Mandatory = mandatory; Position = position; ByValue = byValue; ByPropertyName = byPropertyName;
        }

        public string SetName { get; }
        public bool Mandatory { get; }
        /// <summary>0-based position, or null when the parameter must be named.</summary>
        public int? Position { get; }
        public bool ByValue { get; }
        public bool ByPropertyName { get; }
    }

    internal sealed class SyntaxModel
    {
        public SyntaxModel(string setName) => SetName = setName;
        public string SetName { get; }
        /// <summary>In display order: positional by position, then the rest as declared.</summary>
        public List<(ParameterModel Parameter, ParameterUsage Usage)> Parameters { get; } =
            new List<(ParameterModel, ParameterUsage)>();
    }
}
