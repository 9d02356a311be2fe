using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CrmTools.Sandbox;
using SandboxPpl = CrmTools.Sandbox.ProPipelines;
using CrmTools.Tests.Foundation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>
    /// Base of the ProPipelines command tests: the foundation's sandbox session plus helpers to read
    /// the request log and error records. Tests that change the account's leads put the seeded
    /// leads back afterwards (<see cref="RestoreLeadsAfterwards"/>), so other test classes see the usual data.
    /// </summary>
    public abstract class PplCommandTestBase : PplTestBase, IDisposable
    {
        private bool _restoreLeads;

        protected PplCommandTestBase(SandboxFixture fixture) : base(fixture) { }

        /// <summary>The seeded account has 300 leads (ids 1001..1300).</summary>
        protected const int SeededLeads = 300;

        protected void RestoreLeadsAfterwards() => _restoreLeads = true;

        protected static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

        /// <summary>Logged requests whose path ends with <paramref name="pathEnd"/> (after /ppl/api/v2), of <paramref name="method"/>.</summary>
        protected IReadOnlyList<SandboxRequest> Requests(string method, string pathEnd) =>
            Sandbox.Control.Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase)).ToList();

        protected IReadOnlyList<SandboxRequest> Requests(string method) =>
            Sandbox.Control.Requests.Where(r => r.Method == method).ToList();

        /// <summary>Asserts the error's id (the part before the command name), category and target.</summary>
        protected static void AssertError(ErrorRecord error, string errorId, ErrorCategory category, object? target = null)
        {
            Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(category, error.CategoryInfo.Category);
            if (target != null) Assert.Equal(target, error.TargetObject);
        }

        /// <summary>Runs connected and asserts a single error and nothing written to the service.</summary>
        protected ErrorRecord RunExpectingValidationError(string script, string errorId = "Ppl.InvalidArgument")
        {
            var r = RunConnected(script);
            var error = Assert.Single(r.Errors);
            AssertError(error, errorId, ErrorCategory.InvalidArgument);
            Assert.Empty(Sandbox.Control.Requests.Where(q => q.Method != "GET"));
            return error;
        }

        /// <summary>
        /// Adds a step to the sandbox's account (the API has no call for it), for the duration of a
        /// test; dispose the result to take it away again.
        /// </summary>
        protected IDisposable AddSandboxStep(string name, int pipelineId, int id)
        {
            // The sandbox keeps its service private; its types are visible to the tests.
            var service = (SandboxPpl.PplService)typeof(PplSandbox)
                .GetField("_service", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(Sandbox.Ppl)!;
            var state = service.State;
            var step = new SandboxPpl.PplStep
            {
                Id = id, Name = name, Position = 9, PipelineId = pipelineId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            lock (state.Sync) state.Steps.Add(step);
            return new Undo(() => { lock (state.Sync) state.Steps.Remove(step); });
        }

        /// <summary>Puts back what a test class changed in the shared sandbox (runs before the leads are restored).</summary>
        protected virtual void Cleanup() { }

        public new void Dispose()
        {
            Cleanup();
            if (_restoreLeads) Sandbox.Ppl.SeedLeads(SeededLeads);
            base.Dispose();
        }

        private sealed class Undo : IDisposable
        {
            private readonly Action _action;
            public Undo(Action action) => _action = action;
            public void Dispose() => _action();
        }
    }
}
