using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// Reads pipeline input as prospects: an object (Import-Csv row, [pscustomobject], hashtable)
    /// gives cells by column name; an array gives cells by position.
    /// </summary>
    internal static class PplProspectInput
    {
        public static PplProspectRecord From(PSObject input)
        {
            var value = input.BaseObject;
            switch (value)
            {
                case IDictionary dictionary:
                    return PplProspectRecord.Named(dictionary.Cast<DictionaryEntry>()
                        .Select(e => new KeyValuePair<string, string?>(PplText.Of(e.Key) ?? string.Empty, PplText.Of(e.Value))), input);
                case string text:
                    return PplProspectRecord.Positional(new[] { text }, input);
                case IList list:
                    return PplProspectRecord.Positional(list.Cast<object?>().Select(PplText.Of), input);
                default:
                    return PplProspectRecord.Named(input.Properties
                        .Where(p => p.IsGettable && p.MemberType != PSMemberTypes.ScriptProperty)
                        .Select(p => new KeyValuePair<string, string?>(p.Name, PplText.Of(SafeValue(p)))), input);
            }
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }
    }
}
