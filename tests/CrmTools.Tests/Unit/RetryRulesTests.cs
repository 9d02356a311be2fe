using System;
using System.Net.Http;
using CrmTools.Engine.Http;
using Polly.Timeout;
using Xunit;

namespace CrmTools.Tests.Unit
{
    public class RetryRulesTests
    {
        private static readonly HttpSettings Settings = new HttpSettings
        {
            MaxRetries = 5,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            MaxTotalRetryWait = TimeSpan.FromSeconds(120),
        };

        private static RetryDecision Decide(int? status, bool idempotent, TimeSpan? retryAfter = null, Exception? ex = null, int attempt = 1, TimeSpan waited = default) =>
            RetryRules.Decide(Settings, attempt, idempotent, new AttemptOutcome(status, ex, retryAfter), waited, () => 0.5);

        [Theory]
        [InlineData(429)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public void Idempotent_requests_retry_on_transient_statuses(int status) =>
            Assert.True(Decide(status, idempotent: true).Retry);

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(403)]
        [InlineData(404)]
        [InlineData(409)]
        [InlineData(422)]
        [InlineData(500)]
        public void Other_statuses_are_not_retried(int status) =>
            Assert.False(Decide(status, idempotent: true).Retry);

        [Fact]
        public void Non_idempotent_request_retries_on_429_because_the_service_did_not_process_it() =>
            Assert.True(Decide(429, idempotent: false).Retry);

        [Fact]
        public void Non_idempotent_request_retries_on_503_with_retry_after() =>
            Assert.True(Decide(503, idempotent: false, retryAfter: TimeSpan.FromSeconds(2)).Retry);

        [Theory]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public void Non_idempotent_request_is_not_retried_when_it_may_have_been_processed(int status) =>
            Assert.False(Decide(status, idempotent: false).Retry);

        [Fact]
        public void Dropped_connection_is_retried_only_when_idempotent()
        {
            var dropped = new HttpRequestException("connection reset");
            Assert.True(Decide(null, idempotent: true, ex: dropped).Retry);
            Assert.False(Decide(null, idempotent: false, ex: dropped).Retry);
        }

        [Fact]
        public void Timeout_is_retried_only_when_idempotent()
        {
            var timeout = new TimeoutRejectedException();
            Assert.True(Decide(null, idempotent: true, ex: timeout).Retry);
            Assert.False(Decide(null, idempotent: false, ex: timeout).Retry);
        }

        [Fact]
        public void Retry_after_is_honoured_exactly() =>
            Assert.Equal(TimeSpan.FromSeconds(7), Decide(429, true, TimeSpan.FromSeconds(7)).Delay);

        [Fact]
        public void Retry_after_beyond_the_wait_cap_is_not_waited_for()
        {
            var decision = Decide(429, true, TimeSpan.FromHours(5));
            Assert.False(decision.Retry);
            Assert.Contains("cap", decision.Reason);
        }

        [Fact]
        public void The_total_wait_of_one_request_is_capped() =>
            Assert.False(Decide(429, true, TimeSpan.FromSeconds(30), waited: TimeSpan.FromSeconds(100)).Retry);

        [Fact]
        public void Retries_stop_after_the_maximum() =>
            Assert.False(Decide(503, true, attempt: Settings.MaxRetries + 1).Retry);

        [Fact]
        public void Backoff_doubles_with_jitter_and_is_capped()
        {
            // With random() = 0.5 the delay is three quarters of the step.
            Assert.Equal(750, RetryRules.Backoff(Settings, 1, () => 0.5).TotalMilliseconds, 3);
            Assert.Equal(1500, RetryRules.Backoff(Settings, 2, () => 0.5).TotalMilliseconds, 3);
            Assert.Equal(3000, RetryRules.Backoff(Settings, 3, () => 0.5).TotalMilliseconds, 3);
            Assert.Equal(22500, RetryRules.Backoff(Settings, 20, () => 0.5).TotalMilliseconds, 3);
            // Jitter spans half to all of the step.
            Assert.Equal(1000, RetryRules.Backoff(Settings, 2, () => 0.0).TotalMilliseconds, 3);
            Assert.Equal(2000, RetryRules.Backoff(Settings, 2, () => 1.0).TotalMilliseconds, 3);
        }

        [Theory]
        [InlineData("GET", true)]
        [InlineData("PUT", true)]
        [InlineData("DELETE", true)]
        [InlineData("POST", false)]
        [InlineData("PATCH", false)]
        public void Idempotency_follows_the_http_method(string method, bool idempotent) =>
            Assert.Equal(idempotent, RetryRules.IsIdempotent(new HttpMethod(method)));

        [Fact]
        public void Retry_after_reads_seconds_and_http_dates()
        {
            var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Parse("12", now));
            Assert.Equal(TimeSpan.FromSeconds(1.5), RetryAfter.Parse("1.5", now));
            Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Parse("Mon, 23 Nov 2026 10:01:30 GMT", now));
            Assert.Equal(TimeSpan.Zero, RetryAfter.Parse("Mon, 23 Nov 2026 09:00:00 GMT", now));
            Assert.Null(RetryAfter.Parse("soon", now));
            Assert.Null(RetryAfter.Parse(null, now));
        }
    }
}
