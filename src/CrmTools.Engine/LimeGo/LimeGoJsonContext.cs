using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.LimeGo.GraphQL;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>Source-generated (reflection-free, fast to start) JSON for Lime Go.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(LimeGoEvent))]
    [JsonSerializable(typeof(LimeGoDeal))]
    [JsonSerializable(typeof(List<LimeGoDeal>))]
    [JsonSerializable(typeof(LimeGoOrganization))]
    [JsonSerializable(typeof(List<LimeGoOrganization>))]
    [JsonSerializable(typeof(LimeGoCoworker))]
    [JsonSerializable(typeof(List<LimeGoCoworker>))]
    [JsonSerializable(typeof(GraphQLResponse))]
    [JsonSerializable(typeof(Dictionary<string, JsonElement>))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class LimeGoJsonContext : JsonSerializerContext
    {
    }
}
