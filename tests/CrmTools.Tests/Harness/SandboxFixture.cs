using System;
using CrmTools.Sandbox;
using Xunit;

namespace CrmTools.Tests.Harness
{
    /// <summary>
    /// One sandbox (all emulated services on a free 127.0.0.1 port) for every test class in
    /// <see cref="SandboxCollection"/>. Tests in a collection run one after another, so each test calls
    /// <see cref="Reset"/> first (in its class constructor) and then owns the sandbox's knobs.
    /// </summary>
    public sealed class SandboxFixture : IDisposable
    {
        public SandboxFixture()
        {
            Sandbox = CrmSandbox.Start(new SandboxOptions { Port = 0 });
        }

        public CrmSandbox Sandbox { get; }

        /// <summary>Forgets what earlier tests did to the sandbox's behaviour: request log, pending faults, latency,
        /// today's quota count. The data stays (re-seed with e.g. <c>Sandbox.Ppl.SeedLeads</c> when a test needs it fresh).</summary>
        public void Reset()
        {
            Sandbox.Control.ResetRequestLog();
            Sandbox.Control.ClearFaults();
            Sandbox.Control.LatencyMs = 0;
            Sandbox.Ppl.ResetQuota();
        }

        public void Dispose() => Sandbox.Dispose();
    }

    /// <summary>Test classes marked <c>[Collection(SandboxCollection.Name)]</c> share one <see cref="SandboxFixture"/>.</summary>
    [CollectionDefinition(Name)]
    public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
    {
        public const string Name = "Sandbox";
    }
}
