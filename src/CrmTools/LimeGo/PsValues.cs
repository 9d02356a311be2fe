using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace CrmTools.LimeGo
{
    /// <summary>
    /// Plain .NET values to and from PowerShell objects for GraphQL: the engine's ordered dictionaries become
    /// PSCustomObjects (so dot access, Format-Table and ConvertTo-Json work), and a -Variables hashtable full of
    /// PSObjects and PSCustomObjects becomes dictionaries and lists the engine can write as JSON.
    /// </summary>
    internal static class PsValues
    {
        public static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case OrderedDictionary map:
                    var result = new PSObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        result.Properties.Add(new PSNoteProperty((string)entry.Key, ToPowerShell(entry.Value)));
                    }
                    return result;
                case object[] list:
                    var items = new object?[list.Length];
                    for (var i = 0; i < list.Length; i++) items[i] = ToPowerShell(list[i]);
                    return items;
                default:
                    return value;
            }
        }

        public static object? ToPlain(object? value)
        {
            if (value is PSObject ps)
            {
                if (!(ps.BaseObject is PSCustomObject)) return ToPlain(ps.BaseObject);
                var fields = new OrderedDictionary();
                foreach (var property in ps.Properties) fields[property.Name] = ToPlain(property.Value);
                return fields;
            }
            switch (value)
            {
                case null:
                    return null;
                case string _:
                    return value;
                case IDictionary map:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry entry in map) copy[entry.Key.ToString() ?? string.Empty] = ToPlain(entry.Value);
                    return copy;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items) list.Add(ToPlain(item));
                    return list;
                default:
                    return value;
            }
        }
    }
}
