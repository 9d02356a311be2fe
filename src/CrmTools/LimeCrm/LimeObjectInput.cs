using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Property values from what New- and Set-LimeCrmObject receive: a hashtable, an object's properties, or both.</summary>
    internal static class LimeObjectInput
    {
        /// <summary>
        /// The values an input object carries: a hashtable's entries; a limeobject's (possibly edited) property
        /// values; a PSCustomObject's properties (Import-Csv rows). Properties naming the object itself
        /// (<paramref name="except"/>: Limetype, Id) are left out.
        /// </summary>
        public static OrderedDictionary FromObject(PSObject? input, params string[] except)
        {
            if (input == null) return new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (input.BaseObject is IDictionary dictionary)
            {
                var values = (OrderedDictionary)PowerShellValues.Unwrap(dictionary)!;
                foreach (var name in except) values.Remove(name);
                return values;
            }
            return PowerShellValues.Properties(input, except);
        }

        /// <summary><paramref name="overrides"/> laid over <paramref name="values"/> (case-insensitive names).</summary>
        public static OrderedDictionary Merge(OrderedDictionary values, IDictionary? overrides)
        {
            if (overrides == null) return values;
            foreach (DictionaryEntry entry in (IDictionary)PowerShellValues.Unwrap(overrides)!) values[entry.Key] = entry.Value;
            return values;
        }

        /// <summary>The limeobject under a pipeline object, if it is one.</summary>
        public static LimeObject? AsLimeObject(PSObject? input) => input?.BaseObject as LimeObject;
    }
}
