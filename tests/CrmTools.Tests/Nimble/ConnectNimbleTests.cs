using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    public class ConnectNimbleTests : NimbleTestBase
    {
        private readonly int _refreshes;
        private readonly int _exchanges;

        public ConnectNimbleTests(SandboxFixture fixture) : base(fixture)
        {
            _refreshes = Nimble.Refreshes;
            _exchanges = Nimble.CodeExchanges;
        }

        /// <summary>Renewals and code exchanges the sandbox served during this test (its counters span the whole run).</summary>
        private int Refreshes => Nimble.Refreshes - _refreshes;

        private int Exchanges => Nimble.CodeExchanges - _exchanges;

        private const string SignIn =
            "Connect-Nimble -BaseUri $NimbleUri -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $Redirect -NoBrowser -LoginTimeoutSec 30 -PassThru";

        /// <summary>Plays the user's browser: follows the authorize URL; the sandbox redirects to the loopback listener.</summary>
        private async Task<string> BrowseAsync(Uri authorizeUrl)
        {
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            return await browser.GetStringAsync(authorizeUrl);
        }

        [Fact]
        public async Task The_authorization_code_flow_catches_the_loopback_redirect_and_exchanges_the_code()
        {
            var redirect = FreeLoopbackRedirect();
            var run = RunAsync(SignIn + "; Get-NimbleContact -First 2", new() { ["Redirect"] = redirect });
            var url = WaitForAuthorizeUrl(TimeSpan.FromSeconds(30));
            Assert.Contains("response_type=code", url.Query);
            Assert.Contains("client_id=" + Nimble.ClientId, url.Query);
            Assert.Contains("redirect_uri=" + Uri.EscapeDataString(redirect.AbsoluteUri), url.Query);
            Assert.Contains("scope=basic%2Ccontacts%2Cdeals", url.Query);
            Assert.Contains("state=", url.Query);

            var page = await BrowseAsync(url);
            Assert.Contains("Signed in to Nimble", page);

            var r = (await run).EnsureSuccess();
            Assert.Equal("OAuth", r.Output[0].Properties["AuthMethod"].Value);
            Assert.Equal("ann@sandbox.example", r.Output[0].Properties["Account"].Value);
            Assert.Equal(3, r.Output.Count);
            var token = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/api/oauth/token"));
            Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"]);
            Assert.Contains("grant_type=authorization_code", token.Body);
            Assert.Contains("redirect_uri=" + Uri.EscapeDataString(redirect.AbsoluteUri), token.Body);
            var api = Sandbox.Control.Requests.Last(q => q.Path.EndsWith("/api/v1/contacts"));
            Assert.StartsWith("Bearer ", api.Headers["Authorization"]);
        }

        [Fact]
        public async Task A_denied_consent_is_a_clear_access_denied_error()
        {
            Nimble.DenyNextAuthorization = true;
            var run = RunAsync(SignIn, new() { ["Redirect"] = FreeLoopbackRedirect() });
            var page = await BrowseAsync(WaitForAuthorizeUrl(TimeSpan.FromSeconds(30)));
            Assert.Contains("did not complete", page);
            var error = (await run).Errors.Single();
            Assert.StartsWith("Nimble.AccessDenied", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("User denied access", error.Exception.Message);
            Assert.Equal(0, Count("/api/oauth/token"));
        }

        [Fact]
        public void An_invalid_request_redirect_pasted_as_the_code_is_reported()
        {
            var r = Run("Connect-Nimble -BaseUri $NimbleUri -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $RedirectUri " +
                        "-AuthorizationCode 'http://127.0.0.1/callback?error=invalid_request&error_description=Invalid%20URL'");
            var error = r.Errors.Single();
            Assert.StartsWith("Nimble.AuthorizationInvalidRequest", error.FullyQualifiedErrorId);
            Assert.Contains("Invalid URL", error.Exception.Message);
        }

        [Fact]
        public void A_pasted_redirect_with_a_foreign_state_is_refused_before_any_token_request()
        {
            var r = Run("Connect-Nimble -BaseUri $NimbleUri -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $RedirectUri " +
                        "-AuthorizationCode 'http://127.0.0.1/callback?code=abc123&state=not-ours'");
            Assert.StartsWith("Nimble.AuthorizationStateMismatch", r.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(0, Count("/api/oauth/token"));
        }

        [Fact]
        public void An_unknown_code_fails_as_an_authentication_error_with_the_service_reason()
        {
            var r = Run("Connect-Nimble -BaseUri $NimbleUri -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $RedirectUri -AuthorizationCode 'LTM4M-unknown'");
            var error = r.Errors.Single();
            Assert.StartsWith("Nimble.AuthorizationFailed", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("invalid or expired", error.Exception.Message);
        }

        [Fact]
        public void A_401_renews_the_token_once_and_the_request_goes_through()
        {
            var r = RunConnected("$Sandbox.Nimble.ExpireAccessTokens(); @(Get-NimbleContact -First 3).Count; (Get-CrmConnection -Service Nimble -Default).TokenRenewals")
                .EnsureSuccess();
            Assert.Equal(new object[] { 3, 1 }, r.Objects.ToArray());
            Assert.Equal(1, Refreshes);
            Assert.Equal(1, Count("/api/v1/contacts", "GET", 401));
            var refresh = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/api/oauth/token"));
            Assert.Contains("grant_type=refresh_token", refresh.Body);
            Assert.Contains("redirect_uri=", refresh.Body);
        }

        [Fact]
        public void A_token_expiring_in_the_middle_of_a_long_listing_is_renewed_once_and_the_listing_completes()
        {
            Nimble.Reseed(150);
            Nimble.AccessTokenLifetime = TimeSpan.FromSeconds(3);
            Sandbox.Control.LatencyMs = 250;
            // About 4 s of paging (38 pages, up to three in flight): the token given dies half way and is renewed once.
            var r = RunConnected("@(Get-NimbleContact -PageSize 4).Count").EnsureSuccess();
            Assert.Equal(150, r.Objects.Single());
            Assert.Equal(1, Refreshes);
            Assert.InRange(Count("/api/v1/contacts", "GET", 401), 1, 3);
        }

        [Fact]
        public async Task A_known_expiry_is_renewed_before_the_token_dies_without_any_401()
        {
            Nimble.Reseed(150);
            Nimble.AccessTokenLifetime = TimeSpan.FromSeconds(2);
            var redirect = FreeLoopbackRedirect();
            // Latency (150 ms) below the renewal margin (a tenth of the 2 s lifetime): a request never arrives with a dead token.
            var run = RunAsync(SignIn + "\n$Sandbox.Control.LatencyMs = 150\n@(Get-NimbleContact -PageSize 3).Count", new() { ["Redirect"] = redirect });
            await BrowseAsync(WaitForAuthorizeUrl(TimeSpan.FromSeconds(30)));
            var r = (await run).EnsureSuccess();
            Assert.Equal(150, r.Objects.Last());
            Assert.True(Refreshes >= 1);
            Assert.Equal(0, Count("/nimble/api/", status: 401));
        }

        [Fact]
        public void Two_runspaces_sharing_one_connection_across_an_expiry_renew_only_once()
        {
            Nimble.Reseed(150);
            Sandbox.Control.LatencyMs = 100;
            var r = RunConnected(@"
                $c = Get-CrmConnection -Service Nimble -Default
                $module = (Get-Module CrmTools).ModuleBase + '/CrmTools.psd1'
                $Sandbox.Nimble.ExpireAccessTokens()
                1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                    Import-Module $using:module
                    @(Get-NimbleContact -Connection $using:c -PageSize 25).Count
                }
                $c.TokenRenewals").EnsureSuccess();
            Assert.Equal(new object[] { 150, 150, 1 }, r.Objects.ToArray());
            Assert.Equal(1, Refreshes);
        }

        [Fact]
        public void A_revoked_refresh_token_fails_with_a_renewal_error_that_says_what_to_do()
        {
            var r = RunConnected("$Sandbox.Nimble.ExpireAccessTokens(); $Sandbox.Nimble.RevokeRefreshTokens(); Get-NimbleContact -First 1");
            var error = r.Errors.Last();
            Assert.StartsWith("Nimble.TokenRenewalFailed", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("invalid_grant", error.Exception.Message);
        }

        [Fact]
        public async Task The_token_cache_lets_a_later_session_connect_without_signing_in_again()
        {
            var folder = Path.Combine(Path.GetTempPath(), "crmtools-nimble-" + Guid.NewGuid().ToString("N"));
            var cache = Path.Combine(folder, "nimble.token");
            try
            {
                var redirect = FreeLoopbackRedirect();
                var run = RunAsync(SignIn + " -TokenCachePath $Cache", new() { ["Redirect"] = redirect, ["Cache"] = cache });
                await BrowseAsync(WaitForAuthorizeUrl(TimeSpan.FromSeconds(30)));
                (await run).EnsureSuccess();
                Assert.True(File.Exists(cache));
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache));
                }
                Assert.Equal(1, Exchanges);

                // A new session (a runbook): no browser, no code; the cached refresh token does it.
                using var later = new PsSession();
                Nimble.ExpireAccessTokens();
                var r = later.Run("Connect-Nimble -BaseUri $NimbleUri -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $Redirect -TokenCachePath $Cache -NoBrowser; " +
                                  "@(Get-NimbleContact -First 2).Count", Variables(new() { ["Redirect"] = redirect, ["Cache"] = cache })).EnsureSuccess();
                Assert.Equal(2, r.Objects.Single());
                Assert.Equal(1, Exchanges);
                Assert.Equal(1, Refreshes);
                Assert.DoesNotContain("oauth/authorize", r.HostText);
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Tokens_and_the_client_secret_never_reach_output_verbose_debug_or_errors()
        {
            var tokens = Nimble.IssueTokens();
            var r = Run(@"$DebugPreference = 'Continue'
                $c = Connect-Nimble -BaseUri $NimbleUri -AccessToken $A -RefreshToken $R -ClientId $ClientId -ClientSecret $ClientSecret -RedirectUri $RedirectUri -PassThru -Verbose
                $Sandbox.Nimble.ExpireAccessTokens()
                Get-NimbleContact -First 1 -Verbose | Out-Default
                $c | Out-Default
                Get-NimbleContact -Id nope -Verbose",
                new() { ["A"] = Secure(tokens.AccessToken), ["R"] = Secure(tokens.RefreshToken) });
            Assert.Equal(1, Refreshes);
            var everything = string.Join("\n", r.Verbose.Concat(r.Debug).Concat(r.Errors.Select(e => e.ToString() + e.Exception)).Append(r.HostText)
                .Concat(r.Output.Select(o => o.ToString())));
            Assert.Contains("Bearer ***", everything);
            foreach (var secret in new[] { tokens.AccessToken, tokens.RefreshToken, Nimble.ClientSecret })
            {
                Assert.DoesNotContain(secret, everything);
            }
            Assert.DoesNotMatch("\"access_token\":\"[0-9a-f]{8}", everything);
        }
    }
}
