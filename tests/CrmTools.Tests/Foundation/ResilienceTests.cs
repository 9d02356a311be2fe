using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    public class ResilienceTests : PplTestBase
    {
        public ResilienceTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void A_429_with_retry_after_is_waited_for_then_retried()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 429, RetryAfter = "2" });
            var watch = Stopwatch.StartNew();
            var r = Run("Get-PplLead -First 3 -Verbose").EnsureSuccess();
            watch.Stop();
            Assert.Equal(3, r.Output.Count);
            Assert.True(watch.ElapsedMilliseconds >= 1900, $"waited only {watch.ElapsedMilliseconds} ms");
            Assert.Contains(r.Verbose, v => v.StartsWith("Retrying GET") && v.Contains("in 2 s") && v.Contains("429"));
            Assert.Equal(2, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void The_vendor_retry_header_is_honoured_too()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 429, PplRetryAfter = "1" });
            var r = Run("Get-PplLead -First 1 -Verbose").EnsureSuccess();
            Assert.Contains(r.Verbose, v => v.StartsWith("Retrying GET") && v.Contains("in 1 s"));
        }

        [Fact]
        public void An_http_date_retry_after_is_understood()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            var when = System.DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 503, RetryAfter = when });
            var r = Run("Get-PplLead -First 1 -Verbose").EnsureSuccess();
            Assert.Single(r.Output);
            Assert.Contains(r.Verbose, v => v.StartsWith("Retrying GET") && v.Contains("503"));
        }

        [Fact]
        public void Server_errors_and_dropped_connections_are_retried_with_backoff()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 503 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Drop = true });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 502 });
            var r = Run("Get-PplLead -First 2 -Verbose").EnsureSuccess();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal(3, r.Verbose.Count(v => v.StartsWith("Retrying GET")));
            Assert.Equal(4, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void When_retries_run_out_the_error_says_so()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -MaximumRetryCount 1").EnsureSuccess();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 503, Times = 5 });
            var r = Run("Get-PplLead -First 1");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Ppl.ServerError", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(2, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void A_used_up_daily_quota_fails_at_once_with_a_quota_error()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            Sandbox.Ppl.DailyQuota = Sandbox.Ppl.RequestsToday;
            try
            {
                var watch = Stopwatch.StartNew();
                var r = Run("Get-PplLead -First 1");
                Assert.True(watch.ElapsedMilliseconds < 5000);
                var error = Assert.Single(r.Errors);
                Assert.StartsWith("Ppl.QuotaExceeded", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
                Assert.Contains("Too many requests", error.Exception.Message);
                Assert.Equal(1, Sandbox.Control.CountRequests("/leads"));
            }
            finally
            {
                Sandbox.Ppl.DailyQuota = 1_000_000;
                Sandbox.Ppl.ResetQuota();
            }
        }

        [Fact]
        public void A_timeout_is_retried_then_reported_as_operation_timeout()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey -TimeoutSec 1 -MaximumRetryCount 1").EnsureSuccess();
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/leads", DelayMs = 3000, Times = 2 });
            var r = Run("Get-PplLead -First 1");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Crm.Timeout", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        }

        [Fact]
        public void Ctrl_c_cancels_the_request_in_flight_promptly()
        {
            Run("Connect-Ppl -BaseUri $PplUri -ApiKey $PplKey").EnsureSuccess();
            Sandbox.Control.LatencyMs = 10_000;
            using var cts = new System.Threading.CancellationTokenSource(500);
            var watch = Stopwatch.StartNew();
            var r = Session.RunAsync("Get-PplLead -First 1", Variables(), cts.Token).GetAwaiter().GetResult();
            watch.Stop();
            Sandbox.Control.LatencyMs = 0;
            Assert.True(r.Stopped);
            Assert.Empty(r.Output);
            Assert.True(watch.ElapsedMilliseconds < 3000, $"stopping took {watch.ElapsedMilliseconds} ms");
        }
    }
}
