using System;
using System.Management.Automation;
using System.Security;
using CrmTools.Sandbox;

namespace CrmTools.Crm
{
    /// <summary>
    /// A running local sandbox: each service's address and credentials, ready to pass to the
    /// Connect-* commands (keys as SecureString, logins as PSCredential).
    /// </summary>
    public sealed class SandboxInfo
    {
        internal SandboxInfo(CrmSandbox sandbox)
        {
            Sandbox = sandbox;
            BaseUri = sandbox.BaseUri;
            PplUri = sandbox.Ppl.AccountUri;
            PplApiKey = ToSecure(sandbox.Ppl.ApiKey);
            LimeGoUri = sandbox.LimeGo.BaseUri;
            LimeGoApiKey = ToSecure(sandbox.LimeGo.ApiKey);
            LimeCrmUri = sandbox.LimeCrm.BaseUri;
            LimeCrmApiKey = ToSecure(sandbox.LimeCrm.ApiKey);
            NimbleUri = sandbox.Nimble.BaseUri;
            NimbleClientId = sandbox.Nimble.ClientId;
            NimbleClientSecret = ToSecure(sandbox.Nimble.ClientSecret);
            NimbleRedirectUri = sandbox.Nimble.RedirectUri;
            var tokens = sandbox.Nimble.IssueTokens();
            NimbleAccessToken = ToSecure(tokens.AccessToken);
            NimbleRefreshToken = ToSecure(tokens.RefreshToken);
            foreach (var user in sandbox.Ppl.Users)
            {
                if (user.IsAdmin)
                {
                    PplCredential = new PSCredential(user.Email, ToSecure(user.Password));
                    break;
                }
            }
        }

        public Uri BaseUri { get; }

        /// <summary>The ProPipelines account address (for Connect-Ppl -BaseUri).</summary>
        public Uri PplUri { get; }

        public SecureString PplApiKey { get; }

        /// <summary>An admin user's e-mail and password (for Connect-Ppl -Credential).</summary>
        public PSCredential? PplCredential { get; }

        /// <summary>The Lime Go API address (for Connect-LimeGo -BaseUri).</summary>
        public Uri LimeGoUri { get; }

        public SecureString LimeGoApiKey { get; }

        /// <summary>The Lime CRM address (for Connect-LimeCrm -BaseUri).</summary>
        public Uri LimeCrmUri { get; }

        public SecureString LimeCrmApiKey { get; }

        /// <summary>The Nimble address (for Connect-Nimble -BaseUri).</summary>
        public Uri NimbleUri { get; }

        /// <summary>The sandbox's OAuth client, for Connect-Nimble's sign-in flow or token renewal.</summary>
        public string NimbleClientId { get; }

        public SecureString NimbleClientSecret { get; }

        public Uri NimbleRedirectUri { get; }

        /// <summary>A token pair issued at start (as after a sign-in), for Connect-Nimble -AccessToken -RefreshToken.</summary>
        public SecureString NimbleAccessToken { get; }

        public SecureString NimbleRefreshToken { get; }

        /// <summary>The emulator itself: knobs for latency, injected failures and the request log.</summary>
        public CrmSandbox Sandbox { get; }

        public override string ToString() => $"CrmTools sandbox at {BaseUri}";

        internal static SecureString ToSecure(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
