using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>The GraphQL response envelope: <c>{"data": ..., "errors": [...], "extensions": ...}</c>.</summary>
    internal sealed class GraphQLResponse
    {
        public JsonElement? Data { get; set; }

        public List<GraphQLErrorBody>? Errors { get; set; }

        public JsonElement? Extensions { get; set; }
    }

    /// <summary>One entry of <c>errors</c>.</summary>
    internal sealed class GraphQLErrorBody
    {
        public string? Message { get; set; }

        public List<GraphQLLocation>? Locations { get; set; }

        /// <summary>Field names and list indexes from the root to the failing field.</summary>
        public List<JsonElement>? Path { get; set; }

        public JsonElement? Extensions { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    internal sealed class GraphQLLocation
    {
        public int Line { get; set; }

        public int Column { get; set; }
    }
}
