using System.Collections.Generic;
using System.Text.Json.Serialization;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble
{
    /// <summary>Source-generated (reflection-free) JSON for Nimble.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(NimbleContact))]
    [JsonSerializable(typeof(NimbleContactListing))]
    [JsonSerializable(typeof(NimbleContactIdListing))]
    [JsonSerializable(typeof(NimbleContactsRemoved))]
    [JsonSerializable(typeof(NimbleDeal))]
    [JsonSerializable(typeof(NimbleDealListing))]
    [JsonSerializable(typeof(NimbleDealsByStage))]
    [JsonSerializable(typeof(NimbleDealsByOwner))]
    [JsonSerializable(typeof(NimblePipeline))]
    [JsonSerializable(typeof(NimblePipelineList))]
    [JsonSerializable(typeof(NimbleTask))]
    [JsonSerializable(typeof(NimbleContactNote))]
    [JsonSerializable(typeof(NimbleNoteListing))]
    [JsonSerializable(typeof(NimbleMyself))]
    [JsonSerializable(typeof(NimbleTokenResponse))]
    [JsonSerializable(typeof(NimbleTokenCacheEntry))]
    [JsonSerializable(typeof(System.Text.Json.JsonElement))]
    [JsonSerializable(typeof(NimbleDealSummary))]
    [JsonSerializable(typeof(NimbleTagList))]
    [JsonSerializable(typeof(NimbleTagAssignmentAnswer))]
    [JsonSerializable(typeof(NimbleDealNote))]
    [JsonSerializable(typeof(NimbleDealFile))]
    [JsonSerializable(typeof(NimbleDealFileLink))]
    [JsonSerializable(typeof(NimbleActivityFeed))]
    internal sealed partial class NimbleJsonContext : JsonSerializerContext
    {
    }
}
