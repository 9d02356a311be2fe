using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CrmTools.Tests.Harness
{
    /// <summary>One run: its pipeline, where its output goes, and the variables to take away afterwards.</summary>
    internal sealed class PsRun : IDisposable
    {
        private readonly PsSession _session;
        private readonly List<string> _temporaryVariables = new List<string>();
        private ErrorRecord? _terminatingError;
        private bool _stopped;

        public PsRun(PsSession session, PowerShell ps, string script, IDictionary<string, object?> parameters)
        {
            _session = session;
            PowerShell = ps;
            Output.DataAdded += (_, e) => session.RaiseOutputWritten(Output[e.Index]);

            ps.AddScript(script);
            if (HasParamBlock(script))
            {
                foreach (var parameter in parameters) ps.AddParameter(parameter.Key, parameter.Value);
            }
            else
            {
                foreach (var parameter in parameters)
                {
                    session.Runspace.SessionStateProxy.SetVariable(parameter.Key, parameter.Value);
                    _temporaryVariables.Add(parameter.Key);
                }
            }
        }

        public PowerShell PowerShell { get; }

        public PSDataCollection<PSObject> Output { get; } = new PSDataCollection<PSObject>();

        public void Ended(RuntimeException ex)
        {
            if (ex is PipelineStoppedException) _stopped = true;
            else _terminatingError = ex.ErrorRecord;
        }

        public PsResult Finish()
        {
            var streams = PowerShell.Streams;
            var errors = streams.Error.ToList();
            if (_terminatingError != null) errors.Add(_terminatingError);
            // A stop that lands between statements ends the run without an exception.
            bool stopped = _stopped || PowerShell.InvocationStateInfo.State == PSInvocationState.Stopped;
            string hostText = _session.HostTextSoFar();

            return new PsResult(
                Output.ToList(), errors, _terminatingError, stopped,
                streams.Verbose.Select(r => r.Message).ToList(),
                streams.Debug.Select(r => r.Message).ToList(),
                streams.Warning.Select(r => r.Message).ToList(),
                streams.Information.Select(r => r.MessageData?.ToString() ?? "").ToList(),
                streams.Progress.ToList(),
                hostText);
        }

        private static bool HasParamBlock(string script) =>
            Parser.ParseInput(script, out _, out _).ParamBlock != null;

        public void Dispose()
        {
            foreach (string name in _temporaryVariables) _session.Runspace.SessionStateProxy.PSVariable.Remove(name);
            _session.RunEnded();
            PowerShell.Dispose();
            Output.Dispose();
        }
    }
}
