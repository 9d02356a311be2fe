using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>
    /// Push subscriptions: <c>POST /v1/event/subscription</c> with <c>targeturl</c> and <c>events</c> (empty: every
    /// event) answers the new id; <c>DELETE /v1/event/subscription</c> with the id removes it. The service documents
    /// no way to list subscriptions.
    /// </summary>
    public sealed class LimeGoSubscriptionsApi
    {
        internal const string Path = "event/subscription";

        /// <summary>
        /// Whether DELETE carries the id as <c>?id=</c> (true) or as a path segment (false). The vendor says only "with
        /// the id as argument" (api-notes: open); the query form reads closest to that. One-line change.
        /// </summary>
        internal static readonly bool DeleteIdInQuery = true;

        private readonly LimeGoConnection _connection;

        internal LimeGoSubscriptionsApi(LimeGoConnection connection) => _connection = connection;

        /// <summary>Subscribes <paramref name="targetUrl"/> to <paramref name="events"/> (none: every event).</summary>
        public async Task<LimeGoSubscription> RegisterAsync(Uri targetUrl, IEnumerable<string>? events, CancellationToken cancellationToken)
        {
            if (targetUrl == null || !targetUrl.IsAbsoluteUri || (targetUrl.Scheme != Uri.UriSchemeHttps && targetUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Uri", $"The target must be an absolute http(s) address; '{targetUrl}' is not.");
            }
            var names = LimeGoVocabulary.CanonicalEventTypes(events, "Event");
            var request = new CrmRequest(HttpMethod.Post, Path) { Resource = "Subscription" }.WithJson(Body(targetUrl, names));
            using var response = await _connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var id = ReadId(text) ?? throw new CrmApiException(LimeGoConnection.ServicePrefix, CrmErrorKind.Protocol, "POST",
                Redactor.RedactUrl(request.BuildUri(_connection.Http.ApiBase)), (int)response.StatusCode,
                "The service answered the subscription without an id.", null) { Resource = "Subscription" };
            return new LimeGoSubscription(id, targetUrl, names);
        }

        /// <summary>Removes a subscription; an unknown id is LimeGo.SubscriptionNotFound.</summary>
        public async Task UnregisterAsync(string id, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Id", "Give the subscription's id.");
            var request = DeleteIdInQuery
                ? new CrmRequest(HttpMethod.Delete, Path) { Resource = "Subscription" }.AddQuery("id", id.Trim())
                : new CrmRequest(HttpMethod.Delete, Path + "/" + Uri.EscapeDataString(id.Trim())) { Resource = "Subscription" };
            using (await _connection.Http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        private static byte[] Body(Uri targetUrl, string[] events)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("targeturl", targetUrl.AbsoluteUri);
                writer.WriteStartArray("events");
                foreach (var e in events) writer.WriteStringValue(e);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        /// <summary>The new id from the answer: a bare number or string, or an object with id (any case) or subscriptionId.</summary>
        internal static string? ReadId(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using var doc = JsonDocument.Parse(body!);
                return IdOf(doc.RootElement);
            }
            catch (JsonException)
            {
                var text = body!.Trim().Trim('"');
                return text.Length > 0 && text.Length <= 100 && text.IndexOfAny(new[] { '<', '{', ' ' }) < 0 ? text : null;
            }
        }

        private static string? IdOf(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number:
                    return element.GetRawText();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Object:
                    foreach (var p in element.EnumerateObject())
                    {
                        if (string.Equals(p.Name, "id", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "subscriptionId", StringComparison.OrdinalIgnoreCase))
                        {
                            return IdOf(p.Value);
                        }
                    }
                    return null;
                default:
                    return null;
            }
        }
    }
}
