using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Nimble;
using CrmTools.Engine.Paging;

namespace CrmTools.Nimble
{
    /// <summary>Base of the Nimble commands.</summary>
    public abstract class NimbleCmdlet : CrmConnectedCmdlet<NimbleConnection>
    {
        protected override string ServicePrefix => NimbleConnection.ServicePrefix;

        protected override string ServiceName => "Nimble";

        /// <summary>-First/-Skip (SupportsPaging) and -PageSize as the engine's page request.</summary>
        protected PageRequest Paging(int pageSize) => new PageRequest
        {
            Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
            First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue),
            PageSize = pageSize,
        };

        /// <summary>
        /// A value from PowerShell as plain .NET data for the engine: PSObject wrappers removed, hashtables and
        /// [pscustomobject]s as ordered dictionaries, arrays as lists (recursively).
        /// </summary>
        protected static object? Plain(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var fromObject = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in pso.Properties) fromObject[p.Name] = Plain(p.Value);
                    return fromObject;
                }
                value = pso.BaseObject;
            }
            switch (value)
            {
                case null:
                    return null;
                case string _:
                    return value;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry e in dictionary) copy[Plain(e.Key)?.ToString() ?? string.Empty] = Plain(e.Value);
                    return copy;
                case IEnumerable list:
                    return list.Cast<object?>().Select(Plain).ToList();
                default:
                    return value;
            }
        }

        protected static IDictionary? PlainDictionary(Hashtable? table) => table == null ? null : (IDictionary?)Plain(table);

        protected static IReadOnlyList<string>? List(string[]? values) => values?.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

        // [datetime] from PowerShell is usually Unspecified: read it as local time, as Get-Date does.
        protected static DateTimeOffset? ToOffset(DateTime? value) =>
            value.HasValue ? new DateTimeOffset(value.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value.Value, DateTimeKind.Local) : value.Value) : (DateTimeOffset?)null;
    }
}
