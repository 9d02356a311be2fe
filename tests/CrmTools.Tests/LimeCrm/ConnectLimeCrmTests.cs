using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    public class ConnectLimeCrmTests : LimeCrmTestBase
    {
        public ConnectLimeCrmTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void Connects_with_the_key_in_x_api_key_and_asks_for_hal_json()
        {
            var r = Run("Connect-LimeCrm -BaseUri $LimeUri -ApiKey $LimeKey -PassThru -Verbose").EnsureSuccess();

            var connection = Assert.IsType<LimeCrmConnection>(r.Output.Single().BaseObject);
            Assert.Equal("LimeCrm", connection.Service);
            Assert.Equal("sandbox", connection.Account);
            var request = Assert.Single(LimeRequests("/api/v1/limetype/"));
            Assert.Equal(Lime.ApiKey, request.Headers["x-api-key"]);
            Assert.Equal("application/hal+json", request.Headers["Accept"]);
            Assert.DoesNotContain(r.Verbose, v => v.Contains(Lime.ApiKey));
            Assert.Contains(r.Verbose, v => v.Contains("limetype/") && v.Contains("200"));
        }

        [Fact]
        public void The_api_root_is_accepted_as_the_address()
        {
            var r = Run("Connect-LimeCrm -BaseUri ([uri]($LimeUri.AbsoluteUri + 'api/v1/')) -ApiKey $LimeKey -PassThru").EnsureSuccess();

            Assert.Equal(Lime.BaseUri, ((LimeCrmConnection)r.Output.Single().BaseObject).BaseUri);
        }

        [Fact]
        public void A_wrong_key_is_an_authentication_error_that_does_not_show_the_key()
        {
            var r = Run("Connect-LimeCrm -BaseUri $LimeUri -ApiKey $Wrong -Debug",
                new() { ["Wrong"] = new System.Net.NetworkCredential(string.Empty, "not-the-key-0123456789").SecurePassword });

            var error = Assert.Single(r.Errors);
            Assert.Equal("LimeCrm.Unauthorized,CrmTools.LimeCrm.ConnectLimeCrmCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("Invalid API key", error.Exception.Message);
            Assert.Contains(r.Debug, d => d.Contains("x-api-key: ***"));
            Assert.DoesNotContain("not-the-key-0123456789", error.Exception.Message + string.Join("\n", r.Debug) + r.HostText);
        }

        [Fact]
        public void Get_CrmConnection_lists_the_connection_as_the_default()
        {
            var r = RunConnected("Get-CrmConnection -Service LimeCrm -Default").EnsureSuccess();

            var connection = Assert.IsType<LimeCrmConnection>(Assert.Single(r.Output).BaseObject);
            Assert.True(connection.IsDefault);
        }

        [Fact]
        public void Disconnect_forgets_the_connection_and_later_commands_say_there_is_none()
        {
            var r = Run(@"
                $c = Connect-LimeCrm -BaseUri $LimeUri -ApiKey $LimeKey -PassThru
                Disconnect-LimeCrm
                $c.IsDisposed
                @(Get-CrmConnection -Service LimeCrm | Where-Object { [object]::ReferenceEquals($_, $c) }).Count
                Get-LimeCrmObject person -First 1");
            Assert.Equal(new object[] { true, 0 }, r.Objects.ToArray());
            Assert.StartsWith("Crm.NotConnected", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}
