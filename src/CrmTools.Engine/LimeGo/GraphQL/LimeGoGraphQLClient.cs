using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>
    /// POST /v1/graphql through the connection's HTTP pipeline (retries, auth, redacted logging). The text is parsed
    /// first: a syntax error fails before sending, and only a query (which changes nothing) is retried after an
    /// ambiguous failure such as a timeout; a mutation is retried only when the service said it did not process it.
    /// </summary>
    public sealed class LimeGoGraphQLClient
    {
        internal const string Path = "graphql";

        private readonly LimeGoConnection _connection;

        internal LimeGoGraphQLClient(LimeGoConnection connection) => _connection = connection;

        /// <summary>Runs any query or mutation; GraphQL errors come back in the result, not as exceptions.</summary>
        public async Task<LimeGoGraphQLResult> InvokeAsync(string query, IDictionary? variables, string? operationName, CancellationToken cancellationToken)
        {
            var operation = GraphQLOperation.Inspect(query, operationName);
            var response = await SendAsync(query, variables, operationName, operation, cancellationToken).ConfigureAwait(false);
            var errors = (response.Errors ?? new List<GraphQLErrorBody>()).Select(e => new LimeGoGraphQLError(e)).ToList();
            var data = response.Data is JsonElement d && d.ValueKind != JsonValueKind.Null ? PlainJson.ToPlain(d) : null;
            return new LimeGoGraphQLResult(data, errors);
        }

        /// <summary>
        /// Runs one of the module's own documents and returns <c>data.&lt;field&gt;</c> read as <typeparamref name="T"/>
        /// (null when the service answers null). The first GraphQL error becomes an exception.
        /// </summary>
        internal async Task<T?> ExecuteAsync<T>(string document, IDictionary variables, string field, JsonTypeInfo<T> typeInfo,
            CancellationToken cancellationToken) where T : class
        {
            var operation = GraphQLOperation.Inspect(document, null);
            var response = await SendAsync(document, variables, null, operation, cancellationToken).ConfigureAwait(false);
            if (response.Errors != null && response.Errors.Count > 0)
            {
                throw new LimeGoGraphQLError(response.Errors[0]).ToException(operation.ToString());
            }
            if (!(response.Data is JsonElement data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field, out var value))
            {
                throw Protocol($"The GraphQL answer has no data.{field}.");
            }
            if (value.ValueKind == JsonValueKind.Null) return null;
            try
            {
                return JsonSerializer.Deserialize(value, typeInfo);
            }
            catch (JsonException ex)
            {
                throw Protocol($"The GraphQL answer's data.{field} could not be read: {ex.Message}", ex);
            }
        }

        private async Task<GraphQLResponse> SendAsync(string query, IDictionary? variables, string? operationName, GraphQLOperation operation,
            CancellationToken cancellationToken)
        {
            var request = new CrmRequest(HttpMethod.Post, Path)
            {
                Resource = "GraphQL",
                // A query only reads: safe to repeat after a timeout. A mutation is repeated only when the service says
                // it was not processed (429, 503 with Retry-After).
                Idempotent = !operation.IsMutation,
            }.WithJson(Body(query, variables, operationName));
            return await _connection.Http.SendJsonAsync(request, LimeGoJsonContext.Default.GraphQLResponse, cancellationToken).ConfigureAwait(false);
        }

        private static byte[] Body(string query, IDictionary? variables, string? operationName)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("query", query);
                if (variables != null && variables.Count > 0)
                {
                    writer.WritePropertyName("variables");
                    PlainJson.Write(writer, variables);
                }
                if (!string.IsNullOrEmpty(operationName)) writer.WriteString("operationName", operationName);
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private CrmApiException Protocol(string message, Exception? inner = null) =>
            new CrmApiException(LimeGoConnection.ServicePrefix, CrmErrorKind.Protocol, "POST",
                Diagnostics.Redactor.RedactUrl(new Uri(_connection.Http.ApiBase, Path)), 200, message, null, inner) { Resource = "GraphQL" };
    }
}
