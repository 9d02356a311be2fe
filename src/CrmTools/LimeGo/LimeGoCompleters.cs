using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using CrmTools.Engine.Connections;
using CrmTools.Engine.LimeGo;

namespace CrmTools.LimeGo
{
    /// <summary>
    /// Tab completion of deal statuses: the account's own statuses (Deal.status is an enum of the account's steps),
    /// read once per connection, from -Connection or the session default. Gives up after a few seconds rather than
    /// freezing the prompt.
    /// </summary>
    public sealed class LimeGoDealStatusCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = fakeBoundParameters?["Connection"] as LimeGoConnection
                ?? (fakeBoundParameters?["Connection"] as PSObject)?.BaseObject as LimeGoConnection
                ?? ConnectionRegistry.GetDefault(LimeGoConnection.ServicePrefix, Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty) as LimeGoConnection;
            if (connection == null || connection.IsDisposed) return Enumerable.Empty<CompletionResult>();
            IReadOnlyList<string>? statuses;
            try
            {
                // Not disposed: a lookup still running after the timeout keeps the token it was given (the timer cancels it).
                var task = connection.Deals.GetStatusValuesAsync(new CancellationTokenSource(Timeout).Token);
                statuses = task.Wait(Timeout) ? task.Result : null;
            }
            catch (AggregateException)
            {
                statuses = null;
            }
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return (statuses ?? Array.Empty<string>())
                .Where(s => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s));
        }
    }
}
