using System.Collections.Generic;
using System.Linq;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    /// <summary>No API key, token or password in any stream, error or host text, for every ProPipelines auth style.</summary>
    public class SecretsTests : PplTestBase
    {
        public SecretsTests(SandboxFixture fixture) : base(fixture) { }

        private static string Everything(PsResult r) => string.Join("\n",
            r.Output.Select(o => o.ToString()).Concat(r.Verbose).Concat(r.Debug).Concat(r.Warning).Concat(r.Information)
                .Concat(r.Errors.Select(e => e.ToString() + " " + e.Exception) ).Append(r.HostText));

        private void AssertNoSecret(PsResult r, params string[] secrets)
        {
            var text = Everything(r);
            Assert.NotEmpty(r.Verbose);
            foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
        }

        private IEnumerable<string> UserTokensSeen() =>
            Sandbox.Control.Requests.Where(q => q.Headers.ContainsKey("X-USER-TOKEN")).Select(q => q.Headers["X-USER-TOKEN"]).Distinct();

        [Fact]
        public void Api_key_stays_out_of_verbose_debug_and_errors()
        {
            var r = Run(@"$DebugPreference = 'Continue'
                Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -Verbose -PassThru | Out-Default
                Get-PplLead -First 2 -Verbose -Debug
                Get-PplLead -Id 999999 -Verbose -Debug
                Get-CrmConnection | Out-Default");
            Assert.Contains(r.Debug, d => d.Contains("X-API-KEY: ***"));
            AssertNoSecret(r, ApiKey);
        }

        [Fact]
        public void Login_password_basic_header_and_user_token_stay_hidden()
        {
            var admin = Sandbox.Ppl.Users.First(u => u.IsAdmin);
            var r = Run(@"$DebugPreference = 'Continue'
                Connect-Ppl -BaseUri $PplUri -Credential $PplCred -Verbose -Debug
                Get-PplLead -First 1 -Verbose -Debug
                Disconnect-Ppl -Verbose -Debug");
            var basic = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(admin.Email + ":" + admin.Password));
            var tokens = UserTokensSeen().ToArray();
            Assert.NotEmpty(tokens);
            Assert.Contains(r.Debug, d => d.Contains("\"token\":\"***\"") || d.Contains("\"token\": \"***\""));
            AssertNoSecret(r, new[] { admin.Password, basic }.Concat(tokens).ToArray());
        }

        [Fact]
        public void Log_as_token_stays_hidden()
        {
            var user = Sandbox.Ppl.Users.First(u => !u.IsAdmin);
            var r = Run(@"$DebugPreference = 'Continue'
                Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -AsUser $who -Verbose -Debug
                Get-PplLead -First 1 -Verbose -Debug", new() { ["who"] = user.Email });
            AssertNoSecret(r, UserTokensSeen().Append(ApiKey).ToArray());
        }

        [Fact]
        public void A_rejected_user_token_is_not_echoed_in_the_error()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -UserToken $t -Verbose", new() { ["t"] = Secure("bogus-user-token-0123456789") });
            Assert.NotEmpty(r.Errors);
            AssertNoSecret(r, "bogus-user-token-0123456789");
        }
    }
}
