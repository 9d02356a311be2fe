using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CrmTools.Engine.Http
{
    /// <summary>
    /// The HTTP pipeline of one connection: a pooled handler from IHttpClientFactory (so one
    /// connection shared by many runspaces reuses its sockets), a Polly retry + per-attempt
    /// timeout around every call, authentication, redacted logging, and error mapping.
    /// Thread-safe.
    /// </summary>
    public sealed class CrmHttpClient : IDisposable
    {
        private static readonly ResiliencePropertyKey<CrmRequest> RequestKey = new ResiliencePropertyKey<CrmRequest>("crm.request");
        private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new ResiliencePropertyKey<TimeSpan>("crm.delay");
        private static readonly ResiliencePropertyKey<TimeSpan> WaitedKey = new ResiliencePropertyKey<TimeSpan>("crm.waited");
        private static readonly ResiliencePropertyKey<string> ReasonKey = new ResiliencePropertyKey<string>("crm.reason");
        private static readonly ResiliencePropertyKey<RetryDecision> RefusedKey = new ResiliencePropertyKey<RetryDecision>("crm.refused");

        [ThreadStatic] private static Random? _random;

        private readonly ServiceProvider _services;
        private readonly IHttpClientFactory _factory;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly string _clientName;

        public CrmHttpClient(string service, Uri apiBase, HttpSettings settings, IRequestAuthenticator? authenticator = null)
        {
            Service = service ?? throw new ArgumentNullException(nameof(service));
            ApiBase = EnsureTrailingSlash(apiBase ?? throw new ArgumentNullException(nameof(apiBase)));
            Settings = settings?.Clone() ?? new HttpSettings();
            Authenticator = authenticator;
            _clientName = "crmtools-" + service;

            var collection = new ServiceCollection();
            collection.AddHttpClient(_clientName)
                .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandlerFactory.Create(Settings))
                .AddHttpMessageHandler(() => new RequestLogHandler())
                .SetHandlerLifetime(TimeSpan.FromMinutes(10));
            _services = collection.BuildServiceProvider();
            _factory = _services.GetRequiredService<IHttpClientFactory>();
            _pipeline = BuildPipeline(Settings);
        }

        /// <summary>The service prefix used in errors (Ppl, Nimble, LimeGo, LimeCrm).</summary>
        public string Service { get; }

        /// <summary>The API root every relative request path is resolved against.</summary>
        public Uri ApiBase { get; }

        public HttpSettings Settings { get; }

        public IRequestAuthenticator? Authenticator { get; set; }

        /// <summary>
        /// Sends a request with retries and returns the successful response (the caller disposes it).
        /// Non-success statuses become <see cref="CrmApiException"/>.
        /// </summary>
        public async Task<HttpResponseMessage> SendAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            var response = await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode == 401 && !request.Anonymous && Authenticator != null)
            {
                // Expired token: renew once (one renewal at a time is the authenticator's job) and repeat.
                if (await Authenticator.TryRenewAsync(response.RequestMessage, cancellationToken).ConfigureAwait(false))
                {
                    response.Dispose();
                    response = await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
                }
            }
            if (IsSuccess(response, request)) return response;
            using (response)
            {
                throw await ToExceptionAsync(request, response).ConfigureAwait(false);
            }
        }

        /// <summary>Sends a request and deserializes the JSON answer.</summary>
        public async Task<T> SendJsonAsync<T>(CrmRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(request, response, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deserializes a response body, turning malformed JSON into a clear protocol error.</summary>
        public async Task<T> ReadJsonAsync<T>(CrmRequest request, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
#if NET
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            try
            {
                var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                if (value == null) throw new JsonException("The response body was empty or null.");
                return value;
            }
            catch (JsonException ex)
            {
                throw new CrmApiException(Service, CrmErrorKind.Protocol, request.Method.Method, Redactor.RedactUrl(request.BuildUri(ApiBase)),
                    (int)response.StatusCode, "The service answered with JSON this module could not read: " + ex.Message, null, ex)
                { Resource = request.Resource };
            }
        }

        private async Task<HttpResponseMessage> SendWithRetriesAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(WaitedKey, TimeSpan.Zero);
            var attempts = 0;
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(async (ctx, self) =>
                {
                    attempts++;
                    try
                    {
                        using var message = await self.BuildMessageAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                        var client = self._factory.CreateClient(self._clientName);
                        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                }, context, this).ConfigureAwait(false);

                if (outcome.Exception != null)
                {
                    throw TransportException(request, outcome.Exception, attempts, context, cancellationToken);
                }
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Exception TransportException(CrmRequest request, Exception ex, int attempts, ResilienceContext context, CancellationToken cancellationToken)
        {
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) return ex;
            var url = Redactor.RedactUrl(request.BuildUri(ApiBase));
            var kind = ex is TimeoutRejectedException || ex is OperationCanceledException ? CrmErrorKind.Timeout : CrmErrorKind.ConnectionFailed;
            var detail = kind == CrmErrorKind.Timeout
                ? $"The request timed out after {RetryRules.Format(Settings.Timeout)}"
                : "The service could not be reached or closed the connection: " + ex.GetBaseException().Message;
            if (context.Properties.TryGetValue(RefusedKey, out var refused) && attempts > 1) detail += $" ({refused.Reason})";
            if (attempts > 1) detail += $"; {attempts} attempts made.";
            return new CrmApiException(Service, kind, request.Method.Method, url, null, detail, null, ex)
            {
                Resource = request.Resource,
                Attempts = attempts,
            };
        }

        private async Task<HttpRequestMessage> BuildMessageAsync(CrmRequest request, CancellationToken cancellationToken)
        {
            var message = new HttpRequestMessage(request.Method, request.BuildUri(ApiBase));
            // A request may name its own media type (Lime CRM wants application/hal+json); JSON otherwise.
            if (!request.Headers.ContainsKey("Accept")) message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.UserAgent.ParseAdd(Settings.UserAgent);
            foreach (var h in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? "application/json");
            }
            if (!request.Anonymous && Authenticator != null)
            {
                await Authenticator.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
            }
            return message;
        }

        private static bool IsSuccess(HttpResponseMessage response, CrmRequest request) =>
            response.IsSuccessStatusCode || (request.AcceptStatuses?.Contains((int)response.StatusCode) ?? false);

        private async Task<CrmApiException> ToExceptionAsync(CrmRequest request, HttpResponseMessage response)
        {
            string? body = null;
            try
            {
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The body is a courtesy; the status is what matters.
            }
            var status = (int)response.StatusCode;
            var (message, code) = ServiceErrorBody.Parse(body);
            var retryAfter = RetryAfter.Read(response, DateTimeOffset.UtcNow);
            var kind = CrmApiException.KindFromStatus(status);
            if (status == 429 && retryAfter.HasValue && retryAfter.Value > Settings.MaxTotalRetryWait)
            {
                // A wait far beyond what a retry may take is a used-up quota, not a burst limit.
                kind = CrmErrorKind.QuotaExceeded;
                message = (message ?? "Too many requests") + $". The service asks to wait {RetryRules.Format(retryAfter.Value)} (until {DateTimeOffset.Now.Add(retryAfter.Value):yyyy-MM-dd HH:mm zzz}).";
            }
            return new CrmApiException(Service, kind, request.Method.Method, Redactor.RedactUrl(request.BuildUri(ApiBase)), status, message, code)
            {
                Resource = request.Resource,
                RetryAfter = retryAfter,
                ResponseBody = body == null ? null : Redactor.Truncate(Redactor.RedactBody(body), 2000),
            };
        }

        private ResiliencePipeline<HttpResponseMessage> BuildPipeline(HttpSettings settings)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber + 1)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var waited = args.Context.Properties.GetValue(WaitedKey, TimeSpan.Zero) + args.RetryDelay;
                    args.Context.Properties.Set(WaitedKey, waited);
                    CrmLog.Verbose($"Retrying {request.Method} {Redactor.RedactUrl(request.BuildUri(ApiBase))} in {RetryRules.Format(args.RetryDelay)} " +
                                   $"({args.Context.Properties.GetValue(ReasonKey, "transient failure")}; retry {args.AttemptNumber + 1} of {settings.MaxRetries}).");
                    return default;
                },
            });
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = Clamp(settings.Timeout) });
            return builder.Build();
        }

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber)
        {
            if (outcome.Exception is OperationCanceledException && !(outcome.Exception is TimeoutRejectedException) &&
                context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }
            var request = context.Properties.GetValue(RequestKey, null!);
            var status = outcome.Result != null ? (int?)outcome.Result.StatusCode : null;
            var retryAfter = outcome.Result != null ? RetryAfter.Read(outcome.Result, DateTimeOffset.UtcNow) : null;
            var decision = RetryRules.Decide(Settings, attemptNumber, request.IsIdempotent,
                new AttemptOutcome(status, outcome.Exception, retryAfter),
                context.Properties.GetValue(WaitedKey, TimeSpan.Zero), NextRandom);
            if (!decision.Retry)
            {
                context.Properties.Set(RefusedKey, decision);
                if (status.HasValue && status.Value >= 429 && decision.Reason != "not transient")
                {
                    CrmLog.Verbose($"Not retrying {request.Method} {Redactor.RedactUrl(request.BuildUri(ApiBase))}: {decision.Reason}.");
                }
                return false;
            }
            context.Properties.Set(DelayKey, decision.Delay);
            context.Properties.Set(ReasonKey, decision.Reason);
            // The service asked to slow down: a bulk run in this flow pauses new starts for as long (see BulkRunner).
            if (status == 429 || (status == 503 && retryAfter.HasValue)) CrmTools.Engine.Bulk.CrmBackoff.Report(decision.Delay);
            return true;
        }

        private static double NextRandom() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();

        private static TimeSpan Clamp(TimeSpan timeout) =>
            timeout < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : timeout > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : timeout;

        private static Uri EnsureTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        public void Dispose() => _services.Dispose();
    }
}
