using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>
    /// How a limeobject appears in PowerShell: the LimeObject itself (Limetype, Id, Descriptive, Timestamp, ...)
    /// with one note property per limetype property, so Where-Object, Sort-Object, Select-Object and Export-Csv
    /// work on the values, and a type name per limetype (CrmTools.Engine.LimeCrm.LimeObject#person) so each
    /// limetype can have its own default view. Changing a note property marks it for Set-LimeCrmObject.
    /// </summary>
    internal static class LimeObjectView
    {
        public static readonly string TypeName = typeof(LimeObject).FullName!;

        public static PSObject Wrap(LimeObject limeObject)
        {
            var view = new PSObject(limeObject);
            foreach (var pair in limeObject.GetValues())
            {
                if (view.Properties[pair.Key] is PSNoteProperty) continue;
                view.Properties.Add(new PSNoteProperty(pair.Key, pair.Value));
            }
            view.TypeNames.Insert(0, TypeName + "#" + limeObject.Limetype);
            return view;
        }

        /// <summary>The values a user changed on a wrapped limeobject (its note properties that differ from what was read).</summary>
        public static Dictionary<string, object?> Changes(PSObject view, LimeObject original)
        {
            var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in view.Properties)
            {
                if (!(property is PSNoteProperty note) || !original.TryGetValue(note.Name, out var before)) continue;
                var now = PowerShellValues.Unwrap(note.Value);
                if (!SameValue(before, now)) changes[note.Name] = now;
            }
            return changes;
        }

        private static bool SameValue(object? before, object? now)
        {
            if (before == null || now == null) return before == null && now == null;
            if (before is Array a && now is Array b)
            {
                if (a.Length != b.Length) return false;
                for (var i = 0; i < a.Length; i++) if (!SameValue(a.GetValue(i), b.GetValue(i))) return false;
                return true;
            }
            return before.Equals(now) || now.Equals(before);
        }
    }
}
