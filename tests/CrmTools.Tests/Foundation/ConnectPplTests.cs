using System.Linq;
using System.Management.Automation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    public class ConnectPplTests : PplTestBase
    {
        public ConnectPplTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void Api_key_connects_pings_and_becomes_the_default()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -PassThru; Get-CrmConnection -Service Ppl -Default").EnsureSuccess();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal("ApiKey", r.Output[0].Properties["AuthMethod"].Value);
            Assert.Same(r.Output[0].BaseObject, r.Output[1].BaseObject);
            var ping = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/ping"));
            Assert.Equal(ApiKey, ping.Headers["X-API-KEY"]);
        }

        [Fact]
        public void Without_passthru_nothing_is_written() =>
            Assert.Empty(Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess().Output);

        [Fact]
        public void Credential_logs_in_with_basic_auth_and_uses_the_user_token()
        {
            var r = Run("$c = Connect-Ppl -BaseUri $PplUri -Credential $PplCred -PassThru; $c; Get-PplLead -First 1").EnsureSuccess();
            Assert.Equal("Login", r.Output[0].Properties["AuthMethod"].Value);
            var login = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/auth/login"));
            Assert.StartsWith("Basic ", login.Headers["Authorization"]);
            var leads = Sandbox.Control.Requests.Last(q => q.Path.EndsWith("/leads"));
            Assert.True(leads.Headers.ContainsKey("X-USER-TOKEN"));
            Assert.False(leads.Headers.ContainsKey("X-API-KEY"));
        }

        [Fact]
        public void A_user_token_connects_directly()
        {
            var token = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred -PassThru").EnsureSuccess();
            Sandbox.Control.ResetRequestLog();
            // A token obtained by a login earlier: take it from the sandbox's log of that login's next request.
            Run("Get-PplLead -First 1").EnsureSuccess();
            var userToken = Sandbox.Control.Requests.Last().Headers["X-USER-TOKEN"];
            var r = Run("Connect-Ppl -BaseUri $PplUri -UserToken $tok -PassThru", new() { ["tok"] = Secure(userToken) }).EnsureSuccess();
            Assert.Equal("UserToken", r.Output[0].Properties["AuthMethod"].Value);
        }

        [Fact]
        public void AsUser_logs_in_as_that_user_with_the_api_key()
        {
            var user = Sandbox.Ppl.Users.First(u => !u.IsAdmin);
            var r = Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -AsUser $who -PassThru", new() { ["who"] = user.Email }).EnsureSuccess();
            Assert.Equal("LogAs", r.Output[0].Properties["AuthMethod"].Value);
            Assert.Equal(user.Email, r.Output[0].Properties["Account"].Value);
            var logAs = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/auth/log_as"));
            Assert.Contains("user_id=", logAs.Query);
            Assert.Equal(ApiKey, logAs.Headers["X-API-KEY"]);
        }

        [Fact]
        public void A_wrong_api_key_fails_clearly_with_an_authentication_error()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -ApiKey $bad", new() { ["bad"] = Secure("not-the-right-key-123") });
            Assert.NotEmpty(r.Errors);
            var error = r.Errors.Last();
            Assert.StartsWith("Ppl.Unauthorized", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("401", error.Exception.Message);
            Assert.DoesNotContain("not-the-right-key-123", error.Exception.Message);
        }

        [Fact]
        public void A_wrong_password_fails_with_the_service_message()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential ([pscredential]::new('stef@example.com', $bad))", new() { ["bad"] = Secure("wrong-password") });
            Assert.NotEmpty(r.Errors);
            Assert.StartsWith("Ppl.Unauthorized", r.Errors.Last().FullyQualifiedErrorId);
            Assert.Contains("Invalid login or password", r.Errors.Last().Exception.Message);
        }

        [Fact]
        public void Slug_and_credentials_are_validated_before_any_request()
        {
            var r = Run("Connect-Ppl -Slug 'not a slug!' -ApiKey $PplKey");
            Assert.NotEmpty(r.Errors);
            Assert.StartsWith("Ppl.InvalidArgument", r.Errors.Last().FullyQualifiedErrorId);
            Assert.Equal(0, Sandbox.Control.CountRequests());
        }

        [Fact]
        public void Disconnect_logs_the_user_token_out_and_forgets_the_connection()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred; Disconnect-Ppl; Get-PplLead -First 1");
            Assert.Equal(1, Sandbox.Control.CountRequests("/auth/logout"));
            Assert.NotEmpty(r.Errors);
            Assert.StartsWith("Crm.NotConnected", r.Errors.Last().FullyQualifiedErrorId);
        }

        [Fact]
        public void Two_connections_are_used_side_by_side()
        {
            var user = Sandbox.Ppl.Users.First(u => !u.IsAdmin && u.Email.Length > 0);
            var r = Run(@"
                $admin = Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -PassThru
                $user  = Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -AsUser $who -PassThru
                $a = @(Get-PplLead -Connection $admin -IncludeUnassigned -First 1000)
                $b = @(Get-PplLead -Connection $user -First 1000)
                $a.Count; $b.Count
                (Get-CrmConnection -Service Ppl -Default).AuthMethod", new() { ["who"] = user.Email }).EnsureSuccess();
            var adminCount = (int)r.Output[0].BaseObject;
            var userCount = (int)r.Output[1].BaseObject;
            Assert.True(adminCount > userCount, $"admin {adminCount} vs user {userCount}");
            Assert.Equal("LogAs", r.Output[2].BaseObject);
        }

        [Fact]
        public void One_connection_serves_several_runspaces_at_once()
        {
            var r = RunConnected(@"
                $c = Get-CrmConnection -Service Ppl -Default
                $module = (Get-Module CrmTools).ModuleBase + '/CrmTools.psd1'   # installed modules auto-load; this one is imported by path
                $counts = 1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
                    Import-Module $using:module
                    @(Get-PplLead -Connection $using:c -PageSize 20 -First 60).Count
                }
                $counts
                # A runspace that never connected falls back to the process's connection.
                1..2 | ForEach-Object -Parallel { Import-Module $using:module; @(Get-PplLead -First 3).Count }").EnsureSuccess();
            Assert.Equal(new object[] { 60, 60, 60, 60, 60, 60, 3, 3 }, r.Objects.ToArray());
        }
    }
}
