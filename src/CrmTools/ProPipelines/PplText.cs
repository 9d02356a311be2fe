using System;
using System.Globalization;
using System.Management.Automation;

namespace CrmTools.ProPipelines
{
    /// <summary>Values as text the way PowerShell writes them: invariant culture, PSObject unwrapped, null kept.</summary>
    internal static class PplText
    {
        public static string? Of(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            if (value == null) return null;
            return value is IFormattable f && !(value is Enum) ? f.ToString(null, CultureInfo.InvariantCulture) : LanguagePrimitives.ConvertTo<string>(value);
        }
    }
}
