using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using CrmTools.Engine.Userlike;
using CrmTools.LimeCrm;

namespace CrmTools.Userlike
{
    /// <summary>
    /// Builds the Userlike to Lime CRM mapping: the defaults, then a mapping file (.psd1 or .json), then a hashtable.
    /// A .psd1 file is read as data only, like Import-PowerShellDataFile: no code in it runs.
    /// </summary>
    internal static class UserlikeMappingLoader
    {
        public static UserlikeLimeMapping Load(string? mappingFile, IDictionary? mapping)
        {
            var result = UserlikeLimeMapping.Default;
            if (mappingFile != null)
            {
                var extension = Path.GetExtension(mappingFile).ToLowerInvariant();
                var text = File.ReadAllText(mappingFile);
                result = extension switch
                {
                    ".json" => result.WithJson(text, mappingFile),
                    ".psd1" => result.With(ReadDataFile(mappingFile), mappingFile),
                    _ => throw new ArgumentException($"The mapping file '{mappingFile}' must be a .psd1 or .json file."),
                };
            }
            if (mapping != null) result = result.With((IDictionary?)PowerShellValues.Unwrap(mapping), "-Mapping");
            return result;
        }

        private static IDictionary ReadDataFile(string path)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            if (errors.Length > 0)
            {
                throw new ArgumentException($"The mapping file '{path}' cannot be parsed: {errors[0].Message} (line {errors[0].Extent.StartLineNumber}).");
            }
            var table = ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst
                ?? throw new ArgumentException($"The mapping file '{path}' holds no hashtable (@{{ ... }}).");
            try
            {
                return (IDictionary)table.SafeGetValue();
            }
            catch (InvalidOperationException ex)
            {
                throw new ArgumentException($"The mapping file '{path}' may hold data only (text, numbers, arrays, hashtables): {ex.Message}", ex);
            }
        }
    }
}
