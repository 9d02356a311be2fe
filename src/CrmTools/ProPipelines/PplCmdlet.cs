using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Base of the ProPipelines commands.</summary>
    public abstract class PplCmdlet : CrmConnectedCmdlet<PplConnection>
    {
        protected override string ServicePrefix => PplConnection.ServicePrefix;

        protected override string ServiceName => "ProPipelines";

        /// <summary>A [datetime] from PowerShell is usually Unspecified: read it as local time, as Get-Date does.</summary>
        protected static DateTimeOffset? ToOffset(DateTime? value) =>
            value.HasValue ? new DateTimeOffset(value.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value.Value, DateTimeKind.Local) : value.Value) : (DateTimeOffset?)null;

        /// <summary>A hashtable's entries as ordered name/value pairs ([ordered] keeps the caller's order).</summary>
        protected static IList<KeyValuePair<string, string?>>? Pairs(IDictionary? dictionary)
        {
            if (dictionary == null) return null;
            var pairs = new List<KeyValuePair<string, string?>>();
            foreach (DictionaryEntry entry in dictionary) pairs.Add(new KeyValuePair<string, string?>(PplText.Of(entry.Key) ?? string.Empty, PplText.Of(entry.Value)));
            return pairs;
        }

        /// <summary>-First/-Skip of a list the service cannot page: how many to ask for, capped.</summary>
        protected int RequestedCount(int cap)
        {
            var wanted = PagingParameters.First == ulong.MaxValue ? (ulong)cap : PagingParameters.First + PagingParameters.Skip;
            if (wanted > (ulong)cap)
            {
                WriteWarning($"The service returns at most {cap} items per call; the first {cap} are used.");
                return cap;
            }
            return (int)wanted;
        }

        /// <summary>Writes a list, honouring -Skip and -First client-side (and -IncludeTotalCount as unknown).</summary>
        protected void WritePage<T>(IReadOnlyList<T> items)
        {
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            ulong written = 0;
            for (var i = 0; i < items.Count && written < first; i++)
            {
                if ((ulong)i < skip) continue;
                WriteObject(items[i]);
                written++;
            }
        }

        /// <summary>Writes every item of a list.</summary>
        protected void WriteAll<T>(IEnumerable<T> items)
        {
            foreach (var item in items) WriteObject(item);
        }
    }
}
