using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>One place for how the sandbox writes JSON: compact, unicode kept readable.</summary>
    internal static class JsonText
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };

        public static byte[] ToUtf8(JsonNode? node) =>
            node == null ? System.Text.Encoding.UTF8.GetBytes("null") : JsonSerializer.SerializeToUtf8Bytes(node, Options);

        public static string ToText(JsonNode? node) => node == null ? "null" : node.ToJsonString(Options);
    }
}
