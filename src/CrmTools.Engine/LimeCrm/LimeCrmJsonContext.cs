using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// Source-generated JSON for Lime CRM. Limeobjects have whatever properties their limetype defines, so
    /// answers are read as JSON elements and shaped by the limetype's metadata (LimeObjectReader, LimeTypeReader).
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class LimeCrmJsonContext : JsonSerializerContext
    {
    }
}
