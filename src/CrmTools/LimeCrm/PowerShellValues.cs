using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;

namespace CrmTools.LimeCrm
{
    /// <summary>
    /// Unwraps what PowerShell hands a cmdlet into plain values the engine takes: PSObject wrappers removed,
    /// PSCustomObjects (ConvertFrom-Json, Import-Csv) as dictionaries of their properties, hashtables with
    /// their values unwrapped, lists as arrays. Engine objects (a LimeObject, an option) stay as they are.
    /// </summary>
    internal static class PowerShellValues
    {
        public static object? Unwrap(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case PSObject pso when pso.BaseObject is PSCustomObject:
                    return Properties(pso);
                case PSObject pso:
                    return Unwrap(pso.BaseObject);
                case string _:
                    return value;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary) copy[entry.Key] = Unwrap(entry.Value);
                    return copy;
                case IEnumerable list:
                    return list.Cast<object?>().Select(Unwrap).ToArray();
                default:
                    return value;
            }
        }

        /// <summary>The note properties of an object (a PSCustomObject, or extra properties on any object), unwrapped.</summary>
        public static OrderedDictionary Properties(PSObject pso, params string[] except)
        {
            var values = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var property in pso.Properties)
            {
                if (!(property is PSNoteProperty) || except.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) continue;
                values[property.Name] = Unwrap(property.Value);
            }
            return values;
        }
    }
}
