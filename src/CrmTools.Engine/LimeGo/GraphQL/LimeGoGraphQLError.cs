using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>One GraphQL error as the service reported it.</summary>
    public sealed class LimeGoGraphQLError
    {
        internal LimeGoGraphQLError(GraphQLErrorBody body)
        {
            Message = string.IsNullOrWhiteSpace(body.Message) ? "The GraphQL service reported an error without a message." : body.Message!;
            Path = body.Path == null || body.Path.Count == 0
                ? null
                : string.Join(".", body.Path.Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetRawText()));
            Locations = body.Locations?.Select(l => $"{l.Line}:{l.Column}").ToArray() ?? Array.Empty<string>();
            if (body.Extensions is JsonElement ext && ext.ValueKind == JsonValueKind.Object &&
                ext.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                Code = code.GetString();
            }
        }

        public string Message { get; }

        /// <summary>The failing field, e.g. <c>deals.0.name</c>; null for errors of the whole document.</summary>
        public string? Path { get; }

        /// <summary>line:column places in the query text.</summary>
        public string[] Locations { get; }

        /// <summary>extensions.code, when the service sends one (e.g. FIELDS_ON_CORRECT_TYPE, UNAUTHENTICATED).</summary>
        public string? Code { get; }

        public override string ToString()
        {
            var where = Path != null ? $" (at {Path})" : Locations.Length > 0 ? $" (at {string.Join(", ", Locations)})" : string.Empty;
            var code = Code != null ? $" [{Code}]" : string.Empty;
            return Message + code + where;
        }

        /// <summary>The failure as an engine exception with a stable ErrorId and a kind that matches the code.</summary>
        public CrmException ToException(string? operation)
        {
            var text = operation == null ? ToString() : $"GraphQL {operation}: {this}";
            return new LimeGoGraphQLException(KindOf(Code), text, this);
        }

        private static CrmErrorKind KindOf(string? code)
        {
            switch ((code ?? string.Empty).ToUpperInvariant())
            {
                case "UNAUTHENTICATED":
                case "UNAUTHORIZED":
                    return CrmErrorKind.Unauthorized;
                case "FORBIDDEN":
                case "ACCESS_DENIED":
                    return CrmErrorKind.Forbidden;
                case "NOT_FOUND":
                    return CrmErrorKind.NotFound;
                case "INTERNAL_SERVER_ERROR":
                    return CrmErrorKind.ServerError;
                default:
                    return CrmErrorKind.InvalidRequest;
            }
        }
    }

    /// <summary>A GraphQL error from <c>errors</c> (ErrorId LimeGo.GraphQLError).</summary>
    public sealed class LimeGoGraphQLException : CrmException
    {
        public LimeGoGraphQLException(CrmErrorKind kind, string message, LimeGoGraphQLError error)
            : base(LimeGoConnection.ServicePrefix, kind, message)
        {
            Error = error;
            ErrorId = "GraphQLError";
        }

        public LimeGoGraphQLError Error { get; }
    }

    /// <summary>What Invoke-LimeGoGraphQL got back: the data (plain .NET values) and any GraphQL errors.</summary>
    public sealed class LimeGoGraphQLResult
    {
        internal LimeGoGraphQLResult(object? data, IReadOnlyList<LimeGoGraphQLError> errors)
        {
            Data = data;
            Errors = errors;
        }

        /// <summary>The <c>data</c> member: an ordered dictionary per object, object[] per list; null when absent.</summary>
        public object? Data { get; }

        public IReadOnlyList<LimeGoGraphQLError> Errors { get; }
    }
}
