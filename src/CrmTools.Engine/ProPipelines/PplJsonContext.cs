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
    [JsonSerializable(typeof(List<PplUser>))]
    [JsonSerializable(typeof(List<PplTeam>))]
    [JsonSerializable(typeof(PplClientFolder))]
    [JsonSerializable(typeof(List<PplClientFolder>))]
    [JsonSerializable(typeof(PplAuthToken))]
    [JsonSerializable(typeof(PplPing))]
    [JsonSerializable(typeof(PplStep))]
    [JsonSerializable(typeof(List<PplStep>))]
    [JsonSerializable(typeof(List<PplPipeline>))]
    [JsonSerializable(typeof(PplCategory))]
    [JsonSerializable(typeof(List<PplCategory>))]
    [JsonSerializable(typeof(PplPredefinedTag))]
    [JsonSerializable(typeof(List<PplPredefinedTag>))]
    [JsonSerializable(typeof(PplField))]
    [JsonSerializable(typeof(List<PplField>))]
    [JsonSerializable(typeof(List<PplActivity>))]
    [JsonSerializable(typeof(PplComment))]
    [JsonSerializable(typeof(List<PplComment>))]
    [JsonSerializable(typeof(PplAttachment))]
    [JsonSerializable(typeof(List<PplAttachment>))]
    [JsonSerializable(typeof(List<PplActionHistory>))]
    [JsonSerializable(typeof(List<PplLeadDuplicate>))]
    [JsonSerializable(typeof(PplProspectingList))]
    [JsonSerializable(typeof(List<PplProspectingList>))]
    [JsonSerializable(typeof(PplProspect))]
    [JsonSerializable(typeof(List<PplProspect>))]
    [JsonSerializable(typeof(PplWebhook))]
    [JsonSerializable(typeof(List<PplWebhook>))]
    [JsonSerializable(typeof(PplWebhookEvent))]
    [JsonSerializable(typeof(List<PplWebhookEvent>))]
    [JsonSerializable(typeof(PplWebhookDelivery))]
    [JsonSerializable(typeof(PplIdAnswer))]
    [JsonSerializable(typeof(PplMessageAnswer))]
    [JsonSerializable(typeof(PplUrlAnswer))]
    [JsonSerializable(typeof(List<long>))]
    internal sealed partial class PplJsonContext : JsonSerializerContext
    {
    }
}
