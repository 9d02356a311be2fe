using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>
    /// Base of end-to-end tests against the sandbox's Lime Go: a session with the packaged module, the shared sandbox
    /// reset (and Lime Go re-seeded, feeds emptied) before each test, a fresh spool folder per test, and variables for
    /// scripts: $LgUri, $LgKey (SecureString), $Spool, $Sandbox.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public abstract class LimeGoTestBase : IDisposable
    {
        protected LimeGoTestBase(SandboxFixture fixture)
        {
            Fixture = fixture;
            fixture.Reset();
            fixture.Sandbox.LimeGo.Reset();
            Spool = Path.Combine(Path.GetTempPath(), "crmtools-limego-" + Guid.NewGuid().ToString("N"));
            Session = new PsSession();
        }

        protected SandboxFixture Fixture { get; }

        protected CrmSandbox Sandbox => Fixture.Sandbox;

        protected LimeGoSandbox LimeGo => Fixture.Sandbox.LimeGo;

        protected PsSession Session { get; }

        /// <summary>This test's spool folder (deleted afterwards).</summary>
        protected string Spool { get; }

        /// <summary>Connects with the API key (the session default) and runs <paramref name="script"/>.</summary>
        protected PsResult RunConnected(string script, Dictionary<string, object?>? extra = null) =>
            Run("Connect-LimeGo -BaseUri $LgUri -ApiKey $LgKey\n" + script, extra);

        protected PsResult Run(string script, Dictionary<string, object?>? extra = null)
        {
            var parameters = Variables();
            if (extra != null) foreach (var pair in extra) parameters[pair.Key] = pair.Value;
            return Session.Run(script, parameters);
        }

        protected Dictionary<string, object?> Variables() => new Dictionary<string, object?>
        {
            ["LgUri"] = LimeGo.BaseUri,
            ["LgKey"] = Secure(LimeGo.ApiKey),
            ["Spool"] = Spool,
            ["Sandbox"] = Sandbox,
        };

        protected static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

        protected static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

        /// <summary>The positions of the events a script wrote.</summary>
        protected static List<long> Positions(PsResult result) =>
            result.Output.Select(o => long.Parse(o.BaseObject is string s ? s : P<string>(o, "Position"))).ToList();

        protected static List<long> Range(long first, long count) => Enumerable.Range(0, (int)count).Select(i => first + i).ToList();

        public void Dispose()
        {
            Session.Dispose();
            try
            {
                if (Directory.Exists(Spool)) Directory.Delete(Spool, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still be letting go of it; the temp folder is cleaned eventually.
            }
            GC.SuppressFinalize(this);
        }
    }
}
