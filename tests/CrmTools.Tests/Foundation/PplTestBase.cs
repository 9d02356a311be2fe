using System;
using System.Collections.Generic;
using System.Net;
using System.Security;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    /// <summary>
    /// Base of end-to-end tests against the sandbox's ProPipelines: a session with the packaged module, the
    /// shared sandbox reset before each test, and the sandbox credentials handed to scripts as variables
    /// ($PplUri, $PplKey as SecureString, $PplCred as PSCredential, $Sandbox for its knobs).
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public abstract class PplTestBase : IDisposable
    {
        protected PplTestBase(SandboxFixture fixture)
        {
            Fixture = fixture;
            fixture.Reset();
            Session = new PsSession();
        }

        protected SandboxFixture Fixture { get; }

        protected CrmSandbox Sandbox => Fixture.Sandbox;

        protected PsSession Session { get; }

        protected string ApiKey => Sandbox.Ppl.ApiKey;

        /// <summary>Connects with the API key (the session default) and runs <paramref name="script"/>.</summary>
        protected PsResult RunConnected(string script, Dictionary<string, object?>? extra = null) =>
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey\n" + script, extra);

        protected PsResult Run(string script, Dictionary<string, object?>? extra = null)
        {
            var parameters = Variables();
            if (extra != null) foreach (var pair in extra) parameters[pair.Key] = pair.Value;
            return Session.Run(script, parameters);
        }

        protected Dictionary<string, object?> Variables()
        {
            var admin = Sandbox.Ppl.Users[0];
            foreach (var u in Sandbox.Ppl.Users) if (u.IsAdmin) { admin = u; break; }
            return new Dictionary<string, object?>
            {
                ["PplUri"] = Sandbox.Ppl.AccountUri,
                ["PplKey"] = Secure(Sandbox.Ppl.ApiKey),
                ["PplCred"] = new System.Management.Automation.PSCredential(admin.Email, Secure(admin.Password)),
                ["Sandbox"] = Sandbox,
            };
        }

        protected static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

        public void Dispose()
        {
            Session.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
