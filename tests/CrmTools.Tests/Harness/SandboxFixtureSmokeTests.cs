using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CrmTools.Sandbox;
using Xunit;

namespace CrmTools.Tests.Harness
{
    /// <summary>Proves the shared sandbox serves on loopback and that <see cref="SandboxFixture.Reset"/> forgets earlier tests.</summary>
    [Collection(SandboxCollection.Name)]
    public sealed class SandboxFixtureSmokeTests
    {
        private readonly SandboxFixture _fixture;

        public SandboxFixtureSmokeTests(SandboxFixture fixture)
        {
            _fixture = fixture;
            _fixture.Reset();
        }

        [Fact]
        public async Task The_sandbox_serves_on_loopback_and_logs_requests()
        {
            using var http = new HttpClient();

            var response = await http.GetAsync(new Uri(_fixture.Sandbox.Ppl.AccountUri, "api/v2/leads"));

            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_fixture.Sandbox.BaseUri.Host)));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // no API key sent
            Assert.Equal(1, _fixture.Sandbox.Control.CountRequests("/leads", "GET"));
        }

        [Fact]
        public async Task Reset_clears_the_request_log_faults_and_latency()
        {
            using var http = new HttpClient();
            var leads = new Uri(_fixture.Sandbox.Ppl.AccountUri, "api/v2/leads");
            await http.GetAsync(leads);
            _fixture.Sandbox.Control.InjectFault(new SandboxFault { Status = 503, Times = 5 });
            _fixture.Sandbox.Control.LatencyMs = 250;

            _fixture.Reset();

            Assert.Empty(_fixture.Sandbox.Control.Requests);
            Assert.Equal(0, _fixture.Sandbox.Control.LatencyMs);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(leads)).StatusCode); // not the 503 fault
        }
    }
}
