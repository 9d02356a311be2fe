using System;
using System.Linq;

namespace CrmTools.HelpGen.Metadata
{
    /// <summary>How help names a parameter's type: short in the syntax (String[]), full in the type field.</summary>
    internal static class TypeNames
    {
        /// <summary>"String[]", "DateTime" for Nullable&lt;DateTime&gt; (the user types a plain value), "List[String]".</summary>
        public static string Short(Type type)
        {
            if (type.IsArray) return Short(type.GetElementType()!) + "[]";
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return Short(underlying);
            if (!type.IsGenericType) return type.Name;
            return GenericName(type.Name) + "[" + string.Join(", ", type.GetGenericArguments().Select(Short)) + "]";
        }

        /// <summary>"System.String[]", "System.Nullable[System.DateTime]": PowerShell's own spelling of a type.</summary>
        public static string Full(Type type)
        {
            if (type.IsArray) return Full(type.GetElementType()!) + "[]";
            if (!type.IsGenericType) return type.FullName ?? type.Name;
            string name = type.Namespace + "." + GenericName(type.Name);
            return name + "[" + string.Join(", ", type.GetGenericArguments().Select(Full)) + "]";
        }

        private static string GenericName(string name)
        {
            int tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }
    }
}
