using System.Collections.Generic;
using System.Text.Json.Serialization;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>Source-generated (reflection-free, fast to start) JSON for ProPipelines.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(PplLead))]
    [JsonSerializable(typeof(List<PplLead>))]
    [JsonSerializable(typeof(PplUser))]
    [JsonSerializable(typeof(PplTeam))]
    [JsonSerializable(typeof(PplClientFolder))]
    [JsonSerializable(typeof(PplAuthToken))]
    [JsonSerializable(typeof(PplPing))]
    internal sealed partial class PplJsonContext : JsonSerializerContext
    {
    }
}
