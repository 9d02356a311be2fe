using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CrmTools.HelpGen.Metadata
{
    /// <summary>Reads every exported cmdlet's metadata from a module imported into a runspace.</summary>
    internal static class ModuleMetadataReader
    {
        public static List<CommandModel> Read(Runspace runspace, PSModuleInfo module)
        {
            // Parameter metadata is resolved lazily through the runspace the command came from.
            var previous = Runspace.DefaultRunspace;
            Runspace.DefaultRunspace = runspace;
            try
            {
                return module.ExportedCmdlets.Values
                    .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(Read)
                    .ToList();
            }
            finally
            {
                Runspace.DefaultRunspace = previous;
            }
        }

        private static CommandModel Read(CmdletInfo cmdlet)
        {
            var model = new CommandModel(cmdlet.Name, cmdlet.Verb, cmdlet.Noun, cmdlet.HelpFile);
            var attribute = cmdlet.ImplementingType
                .GetCustomAttributes(typeof(CmdletAttribute), inherit: true).OfType<CmdletAttribute>().FirstOrDefault();

            foreach (var metadata in cmdlet.Parameters.Values)
            {
                if (StandardParameters.IsCommon(metadata.Name)) continue;
                var parameter = ReadParameter(metadata);
                if (IsEngineSupplied(metadata.Name, attribute))
                    parameter.StandardDescription = StandardParameters.StandardDescription(metadata.Name);
                model.Parameters.Add(parameter);
            }

            foreach (var set in cmdlet.ParameterSets.OrderByDescending(s => s.IsDefault))
                model.Syntax.Add(ReadSyntax(set, model));

            model.OutputTypes.AddRange(cmdlet.OutputType.Select(t => t.Name).Distinct());
            return model;
        }

        private static bool IsEngineSupplied(string name, CmdletAttribute? attribute)
        {
            if (attribute == null) return false;
            switch (name)
            {
                case "WhatIf": case "Confirm": return attribute.SupportsShouldProcess;
                case "First": case "Skip": case "IncludeTotalCount": return attribute.SupportsPaging;
                default: return false;
            }
        }

        private static ParameterModel ReadParameter(ParameterMetadata metadata)
        {
            var parameter = new ParameterModel(metadata.Name, metadata.ParameterType);
            parameter.Aliases.AddRange(metadata.Aliases);
            parameter.AcceptedValues.AddRange(AcceptedValues(metadata));
            parameter.SupportsWildcards = metadata.Attributes.OfType<SupportsWildcardsAttribute>().Any();
            var declaredDefault = metadata.Attributes.OfType<PSDefaultValueAttribute>().FirstOrDefault();
            parameter.DeclaredDefault = declaredDefault?.Help ?? declaredDefault?.Value?.ToString();

            foreach (var set in metadata.ParameterSets)
            {
                var p = set.Value;
                parameter.Usages.Add(new ParameterUsage(set.Key, p.IsMandatory,
                    p.Position == int.MinValue ? (int?)null : p.Position,
                    p.ValueFromPipeline, p.ValueFromPipelineByPropertyName));
            }
            return parameter;
        }

        private static IEnumerable<string> AcceptedValues(ParameterMetadata metadata)
        {
            var validateSet = metadata.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault();
            if (validateSet != null) return validateSet.ValidValues;
            var type = metadata.ParameterType;
            type = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
            return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
        }

        private static SyntaxModel ReadSyntax(CommandParameterSetInfo set, CommandModel model)
        {
            var syntax = new SyntaxModel(set.Name);
            var entries = new List<(ParameterModel, ParameterUsage)>();
            foreach (var info in set.Parameters)
            {
                var parameter = model.FindParameter(info.Name);
                if (parameter == null) continue; // a common parameter
                var usage = parameter.Usages.FirstOrDefault(u => u.SetName == set.Name)
                    ?? parameter.Usages.First(u => u.SetName == ParameterAttribute.AllParameterSets);
                entries.Add((parameter, usage));
            }
            // As Get-Command -Syntax shows them: positional ones first, by position; then named ones as declared.
            syntax.Parameters.AddRange(entries.Where(e => e.Item2.Position != null).OrderBy(e => e.Item2.Position));
            syntax.Parameters.AddRange(entries.Where(e => e.Item2.Position == null));
            return syntax;
        }
    }
}
