using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.Userlike
{
    /// <summary>Source-generated JSON for Userlike payloads (snake_case, tolerant of numbers sent as text).</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(UserlikeConversation))]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class UserlikeJsonContext : JsonSerializerContext
    {
    }
}
