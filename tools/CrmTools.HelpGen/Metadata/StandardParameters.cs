using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace CrmTools.HelpGen.Metadata
{
    /// <summary>
    /// Parameters the engine adds to a cmdlet. The common parameters (-Verbose, -ErrorAction, ...) are never
    /// documented per command: Get-Help shows [&lt;CommonParameters&gt;]. -WhatIf/-Confirm (SupportsShouldProcess)
    /// and -First/-Skip/-IncludeTotalCount (SupportsPaging) mean the same everywhere, so they get a standard
    /// description unless the markdown gives a better one.
    /// </summary>
    internal static class StandardParameters
    {
        private static readonly Dictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
            ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
            ["First"] = "Gets only the specified number of objects. Enter the number of objects to get.",
            ["Skip"] = "Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.",
            ["IncludeTotalCount"] = "Reports the total number of objects in the data set (an integer) followed by the selected objects. " +
                                    "If the cmdlet cannot determine the total count, it displays \"Unknown total count\".",
        };

        public static bool IsCommon(string name) => Cmdlet.CommonParameters.Contains(name);

        /// <summary>The standard description of an engine-supplied parameter, or null for the command's own parameters.</summary>
        public static string? StandardDescription(string name) =>
            Descriptions.TryGetValue(name, out string? text) ? text : null;
    }
}
