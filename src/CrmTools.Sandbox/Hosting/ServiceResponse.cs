using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>What an emulated service answers; the host writes it to the wire.</summary>
    internal sealed class ServiceResponse
    {
        public ServiceResponse(int status, byte[]? body = null, string? contentType = null)
        {
            Status = status;
            Body = body ?? new byte[0];
            ContentType = contentType;
        }

        public int Status { get; }
        public byte[] Body { get; }
        public string? ContentType { get; }
        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        public ServiceResponse WithHeader(string name, string value)
        {
            Headers[name] = value;
            return this;
        }

        public static ServiceResponse Json(int status, JsonNode? node) =>
            new ServiceResponse(status, JsonText.ToUtf8(node), "application/json; charset=utf-8");

        public static ServiceResponse Empty(int status) => new ServiceResponse(status);

        public static ServiceResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
            new ServiceResponse(status, Encoding.UTF8.GetBytes(text), contentType);
    }
}
