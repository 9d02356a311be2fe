using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    /// <summary>
    /// Base of end-to-end tests against the sandbox's Lime CRM: a session with the packaged module, the shared
    /// sandbox reset before each test (its Lime CRM data seeded afresh), and the credentials handed to scripts as
    /// variables ($LimeUri, $LimeKey as SecureString, $Sandbox for its knobs).
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public abstract class LimeCrmTestBase : IDisposable
    {
        protected LimeCrmTestBase(SandboxFixture fixture)
        {
            Fixture = fixture;
            fixture.Reset();
            fixture.Sandbox.LimeCrm.Reset();
            Session = new PsSession();
        }

        protected SandboxFixture Fixture { get; }

        protected CrmSandbox Sandbox => Fixture.Sandbox;

        protected LimeCrmSandbox Lime => Sandbox.LimeCrm;

        protected PsSession Session { get; }

        /// <summary>Connects with the API key (the session default) and runs <paramref name="script"/>.</summary>
        protected PsResult RunConnected(string script, Dictionary<string, object?>? extra = null) =>
            Run("Connect-LimeCrm -BaseUri $LimeUri -ApiKey $LimeKey\n" + script, extra);

        protected PsResult Run(string script, Dictionary<string, object?>? extra = null)
        {
            var parameters = new Dictionary<string, object?>
            {
                ["LimeUri"] = Lime.BaseUri,
                ["LimeKey"] = new NetworkCredential(string.Empty, Lime.ApiKey).SecurePassword,
                ["Sandbox"] = Sandbox,
            };
            if (extra != null) foreach (var pair in extra) parameters[pair.Key] = pair.Value;
            return Session.Run(script, parameters);
        }

        /// <summary>Requests the sandbox's Lime CRM served since the test began (method and path filter optional).</summary>
        protected IReadOnlyList<SandboxRequest> LimeRequests(string? pathContains = null, string? method = null) =>
            Sandbox.Control.Requests.Where(r => r.Path.StartsWith("/limecrm/", StringComparison.Ordinal) &&
                                                (pathContains == null || r.Path.Contains(pathContains)) &&
                                                (method == null || r.Method == method)).ToList();

        protected static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing) Session.Dispose();
        }
    }
}
