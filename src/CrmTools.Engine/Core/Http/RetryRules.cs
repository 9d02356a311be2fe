using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace CrmTools.Engine.Http
{
    /// <summary>The outcome of one attempt, as far as the retry rules care.</summary>
    internal readonly struct AttemptOutcome
    {
        public AttemptOutcome(int? status, Exception? exception, TimeSpan? retryAfter)
        {
            Status = status;
            Exception = exception;
            RetryAfter = retryAfter;
        }

        public int? Status { get; }
        public Exception? Exception { get; }
        public TimeSpan? RetryAfter { get; }
    }

    internal readonly struct RetryDecision
    {
        public RetryDecision(bool retry, TimeSpan delay, string reason)
        {
            Retry = retry;
            Delay = delay;
            Reason = reason;
        }

        public bool Retry { get; }
        public TimeSpan Delay { get; }
        public string Reason { get; }

        public static RetryDecision No(string reason) => new RetryDecision(false, TimeSpan.Zero, reason);
    }

    /// <summary>
    /// When to retry, and how long to wait. Pure and deterministic apart from the jitter source,
    /// so the rules are unit-tested directly:
    /// <list type="bullet">
    /// <item>429, 502, 503, 504, timeouts and dropped connections are transient.</item>
    /// <item>A request that may have changed data (POST, PATCH, or one marked non-idempotent) is retried only
    /// when the service said it did not process it: 429, or 503 with Retry-After.</item>
    /// <item>Retry-After (seconds or HTTP-date) is honoured; otherwise exponential backoff with jitter.</item>
    /// <item>The total wait of one request never exceeds <see cref="HttpSettings.MaxTotalRetryWait"/>: a
    /// Retry-After beyond it (a daily quota, say) fails at once with the wait in the error.</item>
    /// </list>
    /// </summary>
    internal static class RetryRules
    {
        public static RetryDecision Decide(HttpSettings settings, int attemptNumber, bool idempotent, AttemptOutcome outcome,
            TimeSpan waitedSoFar, Func<double> random)
        {
            if (attemptNumber > settings.MaxRetries) return RetryDecision.No("retries exhausted");

            string reason;
            bool serviceSaidNotProcessed;
            if (outcome.Status is int status)
            {
                switch (status)
                {
                    case 429:
                        reason = "429 Too Many Requests";
                        serviceSaidNotProcessed = true;
                        break;
                    case 503:
                        reason = "503 Service Unavailable";
                        serviceSaidNotProcessed = outcome.RetryAfter.HasValue;
                        break;
                    case 502:
                    case 504:
                        reason = status == 502 ? "502 Bad Gateway" : "504 Gateway Timeout";
                        serviceSaidNotProcessed = false;
                        break;
                    default:
                        return RetryDecision.No("not transient");
                }
            }
            else if (outcome.Exception != null && IsTransientException(outcome.Exception))
            {
                reason = outcome.Exception is TimeoutRejectedException ? "timeout" : "connection failure";
                serviceSaidNotProcessed = false;
            }
            else
            {
                return RetryDecision.No("not transient");
            }

            if (!idempotent && !serviceSaidNotProcessed)
            {
                return RetryDecision.No(reason + " on a request that may have changed data");
            }

            var delay = outcome.RetryAfter ?? Backoff(settings, attemptNumber, random);
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
            if (waitedSoFar + delay > settings.MaxTotalRetryWait)
            {
                return RetryDecision.No($"{reason}: waiting {Format(delay)} would exceed the retry wait cap of {Format(settings.MaxTotalRetryWait)}");
            }
            return new RetryDecision(true, delay, reason);
        }

        /// <summary>Exponential backoff (base * 2^(n-1), capped) with "equal jitter": between half and all of the step.</summary>
        public static TimeSpan Backoff(HttpSettings settings, int attemptNumber, Func<double> random)
        {
            var exponent = Math.Min(attemptNumber - 1, 30);
            var step = Math.Min(settings.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), settings.MaxDelay.TotalMilliseconds);
            var jittered = step / 2 + random() * step / 2;
            return TimeSpan.FromMilliseconds(jittered);
        }

        public static bool IsTransientException(Exception ex) =>
            ex is TimeoutRejectedException || ex is HttpRequestException || ex is IOException ||
            (ex.InnerException != null && (ex.InnerException is IOException || ex.InnerException is System.Net.Sockets.SocketException));

        public static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
            method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

        public static string Format(TimeSpan t) =>
            t.TotalSeconds >= 120 ? $"{t.TotalMinutes:0.#} min" : t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.##} s" : $"{t.TotalMilliseconds:0} ms";
    }
}
