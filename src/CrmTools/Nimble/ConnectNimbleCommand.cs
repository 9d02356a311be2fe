using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Nimble;
using CrmTools.Engine.Nimble.Auth;

namespace CrmTools.Nimble
{
    /// <summary>
    /// Connect-Nimble: signs in to Nimble (OAuth 2.0 authorization code, an access token, or a cached sign-in)
    /// and makes the connection the session default.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Nimble", DefaultParameterSetName = SignInSet)]
    [OutputType(typeof(NimbleConnection))]
    public sealed class ConnectNimbleCommand : ConnectCmdlet
    {
        private const string SignInSet = "SignIn";
        private const string AccessTokenSet = "AccessToken";

        /// <summary>The service address (default https://app.nimble.com/).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SignInSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SignInSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The redirect URL registered for the application.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SignInSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public Uri? RedirectUri { get; set; }

        [Parameter(ParameterSetName = SignInSet)]
        [ValidateSet("basic", "contacts", "deals")]
        public string[]? Scope { get; set; }

        /// <summary>A code, or the whole address the browser was redirected to, obtained outside this command.</summary>
        [Parameter(ParameterSetName = SignInSet)]
        [ValidateNotNullOrEmpty]
        public string? AuthorizationCode { get; set; }

        /// <summary>Do not try to open a browser; only print the sign-in address.</summary>
        [Parameter(ParameterSetName = SignInSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>Seconds to wait for the browser to come back to the redirect address.</summary>
        [Parameter(ParameterSetName = SignInSet)]
        [ValidateRange(5, 3600)]
        public int LoginTimeoutSec { get; set; } = 300;

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? RefreshToken { get; set; }

        /// <summary>Keep the refresh token in this file between sessions (protected).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TokenCachePath { get; set; }

        protected override void ProcessRecord()
        {
            var options = new NimbleConnectOptions
            {
                BaseUri = BaseUri,
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                RedirectUri = RedirectUri,
                Scopes = Scope?.Distinct(StringComparer.Ordinal).ToList(),
                AccessToken = AccessToken,
                RefreshToken = RefreshToken,
                TokenCachePath = TokenCachePath == null ? null : GetUnresolvedProviderPathFromPSPath(TokenCachePath),
                Http = BuildHttpSettings(),
            };
            NimbleConnection? connection = null;
            try
            {
                if (ParameterSetName == AccessTokenSet)
                {
                    connection = Run(ct => NimbleConnection.ConnectAsync(options, null, ct));
                }
                else if (AuthorizationCode != null)
                {
                    var code = NimbleAuthorization.ReadRedirect(AuthorizationCode, ClientId!);
                    connection = Run(ct => NimbleConnection.ConnectAsync(options, code, ct));
                }
                else
                {
                    if (options.TokenCachePath != null) connection = Run(ct => NimbleConnection.TryConnectFromCacheAsync(options, ct));
                    if (connection == null)
                    {
                        var code = SignIn(options);
                        connection = Run(ct => NimbleConnection.ConnectAsync(options, code, ct));
                    }
                }
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, BaseUri ?? NimbleConnectOptions.DefaultBaseUri);
                return;
            }
            ConnectionRegistry.Register(connection!, SessionId);
            WriteVerbose($"Connected to {connection}.");
            if (PassThru) WriteObject(connection);
        }

        // The authorization-code flow: show (and open) the authorize URL, then catch the redirect on the loopback
        // address, or ask for the address the browser was sent to when it cannot be caught here.
        private Secret SignIn(NimbleConnectOptions options)
        {
            using var authorization = NimbleAuthorization.Begin(options);
            if (authorization.CanListen) authorization.StartListening();
            Say("To sign in to Nimble, open this address in a browser:");
            Say("  " + authorization.AuthorizeUri.AbsoluteUri);
            var opened = !NoBrowser && BrowserLauncher.TryOpen(authorization.AuthorizeUri);
            if (opened) WriteVerbose("Opened the sign-in page in the default browser.");
            if (authorization.CanListen)
            {
                Say($"Waiting up to {LoginTimeoutSec} s for the sign-in to return to {authorization.RedirectUri} (Ctrl+C to stop).");
                return Run(ct => authorization.WaitForCodeAsync(TimeSpan.FromSeconds(LoginTimeoutSec), ct));
            }
            Say($"The redirect {authorization.RedirectUri} cannot be caught on this machine. After signing in, paste the address the browser was sent to:");
            var line = Host.UI.ReadLine();
            if (string.IsNullOrWhiteSpace(line))
            {
                throw new PSArgumentException("No redirect address was entered. Run Connect-Nimble with -AuthorizationCode and the address the browser was sent to.");
            }
            return NimbleAuthorization.ReadRedirect(line, options.ClientId!);
        }

        private void Say(string text) =>
            WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "CrmTools.Nimble.SignIn" });
    }
}
