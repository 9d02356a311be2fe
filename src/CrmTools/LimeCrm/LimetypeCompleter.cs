using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using CrmTools.Engine.Connections;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Tab completion of limetype names from the connection (-Connection, else the session default).</summary>
    public sealed class LimetypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = (fakeBoundParameters?["Connection"] as PSObject)?.BaseObject as LimeCrmConnection
                ?? fakeBoundParameters?["Connection"] as LimeCrmConnection
                ?? ConnectionRegistry.GetDefault(LimeCrmConnection.ServicePrefix, Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty) as LimeCrmConnection;
            if (connection == null || connection.IsDisposed) return Enumerable.Empty<CompletionResult>();
            IReadOnlyList<string> names = connection.Metadata.KnownNames;
            if (names.Count == 0)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    var fetch = connection.Metadata.GetNamesAsync(timeout.Token);
                    if (!fetch.Wait(TimeSpan.FromSeconds(3))) return Enumerable.Empty<CompletionResult>();
                    names = fetch.Result;
                }
                catch (AggregateException)
                {
                    return Enumerable.Empty<CompletionResult>();
                }
            }
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }
    }
}
