using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using CrmTools.Engine.Connections;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Shared plumbing of the ProPipelines argument completers.</summary>
    internal static class PplCompletion
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string wordToComplete, Func<string, string>? tooltip = null)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var value in values.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
                var text = value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', ',', '(', ')', '{', '}', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, tooltip?.Invoke(value) ?? value);
            }
        }

        /// <summary>The connection a completion should use: -Connection when typed as a variable, else the session default.</summary>
        public static PplConnection? Connection(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters["Connection"] is object c)
            {
                if (c is PSObject pso) c = pso.BaseObject;
                if (c is PplConnection typed) return typed;
            }
            var session = System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;
            return ConnectionRegistry.GetDefault(PplConnection.ServicePrefix, session) as PplConnection;
        }

        /// <summary>The account's steps, fetched at most once per few minutes and never waited on for long.</summary>
        public static IReadOnlyList<Engine.ProPipelines.Models.PplStep> Steps(IDictionary fakeBoundParameters)
        {
            var connection = Connection(fakeBoundParameters);
            if (connection == null) return Array.Empty<Engine.ProPipelines.Models.PplStep>();
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                var task = connection.Steps.CachedAsync(cts.Token);
                return task.Wait(TimeSpan.FromSeconds(3)) ? task.Result : Array.Empty<Engine.ProPipelines.Models.PplStep>();
            }
            catch (Exception)
            {
                // Completion is a courtesy: no network, no completions.
                return Array.Empty<Engine.ProPipelines.Models.PplStep>();
            }
        }
    }

    /// <summary>Step names and ids of the connected account.</summary>
    public sealed class PplStepCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var steps = PplCompletion.Steps(fakeBoundParameters);
            var names = steps.Select(s => s.Name ?? string.Empty).Where(n => n.Length > 0)
                .Concat(steps.Select(s => s.Id.ToString(CultureInfo.InvariantCulture)));
            return PplCompletion.Matching(names, wordToComplete, v =>
            {
                var matches = steps.Where(s => s.Name == v || s.Id.ToString(CultureInfo.InvariantCulture) == v).ToList();
                return string.Join("; ", matches.Select(s => $"{s.Name} (id {s.Id}, pipeline {s.PipelineName})"));
            });
        }
    }

    /// <summary>Webhook event names, with the per-step events of the account when its steps are known.</summary>
    public sealed class PplWebhookEventCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var events = PplWebhookEvents.All.ToList();
            if ((wordToComplete ?? string.Empty).Trim('\'', '"').StartsWith(PplWebhookEvents.StepChangedToPrefix, StringComparison.OrdinalIgnoreCase))
            {
                events.AddRange(PplCompletion.Steps(fakeBoundParameters).Select(s => PplWebhookEvents.StepChangedToPrefix + s.PipelineName + "." + s.Name));
            }
            return PplCompletion.Matching(events, wordToComplete ?? string.Empty);
        }
    }

    /// <summary>The reminder durations the service accepts.</summary>
    public sealed class PplReminderDurationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            PplCompletion.Matching(PplLeadUpdate.ReminderDurations.Select(d => d.ToString(CultureInfo.InvariantCulture)), wordToComplete, v => v + " minutes");
    }

    /// <summary>Reminder times on the quarter hours the service accepts.</summary>
    public sealed class PplRemindTimeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            PplCompletion.Matching(Enumerable.Range(0, 96).Select(q => TimeSpan.FromMinutes(q * 15).ToString("hh\\:mm", CultureInfo.InvariantCulture)), wordToComplete);
    }
}
