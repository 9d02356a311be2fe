using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>
    /// Base of the end-to-end Nimble tests: a session with the packaged module, the shared sandbox reset (and its
    /// Nimble knobs back to normal), and the sandbox's Nimble address and OAuth client handed to scripts as
    /// $NimbleUri, $ClientId, $ClientSecret (SecureString), $RedirectUri and $Sandbox.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public abstract class NimbleTestBase : IDisposable
    {
        protected NimbleTestBase(SandboxFixture fixture)
        {
            Fixture = fixture;
            fixture.Reset();
            Nimble.AccessTokenLifetime = TimeSpan.FromSeconds(599);
            Nimble.ContactLimit = null;
            Nimble.DenyNextAuthorization = false;
            Session = new PsSession();
        }

        protected SandboxFixture Fixture { get; }

        protected CrmSandbox Sandbox => Fixture.Sandbox;

        protected NimbleSandbox Nimble => Fixture.Sandbox.Nimble;

        protected PsSession Session { get; }

        /// <summary>Connects with a fresh access token + refresh token (renewable) and runs <paramref name="script"/>.</summary>
        protected PsResult RunConnected(string script, Dictionary<string, object?>? extra = null)
        {
            var tokens = Nimble.IssueTokens();
            var parameters = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>())
            {
                ["AccessToken"] = Secure(tokens.AccessToken),
                ["RefreshToken"] = Secure(tokens.RefreshToken),
            };
            return Run("Connect-Nimble -BaseUri $NimbleUri -AccessToken $AccessToken -RefreshToken $RefreshToken -ClientId $ClientId " +
                       "-ClientSecret $ClientSecret -RedirectUri $RedirectUri\n" + script, parameters);
        }

        protected PsResult Run(string script, Dictionary<string, object?>? extra = null) => Session.Run(script, Variables(extra));

        protected Task<PsResult> RunAsync(string script, Dictionary<string, object?>? extra = null, CancellationToken cancellationToken = default) =>
            Session.RunAsync(script, Variables(extra), cancellationToken);

        protected Dictionary<string, object?> Variables(Dictionary<string, object?>? extra = null)
        {
            var variables = new Dictionary<string, object?>
            {
                ["NimbleUri"] = Nimble.BaseUri,
                ["ClientId"] = Nimble.ClientId,
                ["ClientSecret"] = Secure(Nimble.ClientSecret),
                ["RedirectUri"] = Nimble.RedirectUri,
                ["Sandbox"] = Sandbox,
            };
            if (extra != null) foreach (var pair in extra) variables[pair.Key] = pair.Value;
            return variables;
        }

        /// <summary>Waits until the running script has printed the authorize URL, and returns it.</summary>
        protected Uri WaitForAuthorizeUrl(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var match = Regex.Match(Session.HostTextSoFar(), @"http://\S+/oauth/authorize\?\S+");
                if (match.Success) return new Uri(match.Value);
                Thread.Sleep(50);
            }
            throw new TimeoutException("The authorize URL was not printed. Host text:\n" + Session.HostTextSoFar());
        }

        protected static Uri FreeLoopbackRedirect(string path = "callback")
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            return new Uri($"http://127.0.0.1:{port}/{path}");
        }

        protected int Count(string pathContains, string? method = null, int? status = null) =>
            Sandbox.Control.Requests.Count(r => r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase) &&
                                                (method == null || r.Method == method) && (status == null || r.Status == status));

        protected static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

        public void Dispose()
        {
            Session.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
