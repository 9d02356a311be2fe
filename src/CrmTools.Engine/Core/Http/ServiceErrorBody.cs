using System;
using System.Text.Json;

namespace CrmTools.Engine.Http
{
    /// <summary>
    /// Reads the message and code out of an error body. The services disagree on the shape
    /// ({"error","message","type"}, {"message","code","errors"}, {"error","error_description"},
    /// {"errors":[{"message"}]} from GraphQL), and may send only part of it, so accept them all.
    /// </summary>
    internal static class ServiceErrorBody
    {
        public static (string? Message, string? Code) Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return (null, null);
            try
            {
                using var doc = JsonDocument.Parse(body!);
                return FromElement(doc.RootElement);
            }
            catch (JsonException)
            {
                var text = body!.Trim();
                // A short plain-text or HTML body: keep plain text only.
                if (text.StartsWith("<", StringComparison.Ordinal)) return (null, null);
                return (text.Length > 300 ? text.Substring(0, 300) : text, null);
            }
        }

        private static (string? Message, string? Code) FromElement(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0) return FromElement(root[0]);
            if (root.ValueKind == JsonValueKind.String) return (root.GetString(), null);
            if (root.ValueKind != JsonValueKind.Object) return (null, null);

            var message = Text(root, "message") ?? Text(root, "error_description") ?? Text(root, "detail") ?? Text(root, "title");
            var code = Text(root, "type") ?? Text(root, "code") ?? Text(root, "error_code");
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    // OAuth style: "error" is the code when a description exists, else it is the message.
                    if (message == null) message = error.GetString(); else code ??= error.GetString();
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    var inner = FromElement(error);
                    message ??= inner.Message;
                    code ??= inner.Code;
                }
            }
            if (message == null && root.TryGetProperty("errors", out var errors))
            {
                if (errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    var inner = FromElement(errors[0]);
                    message = inner.Message;
                    code ??= inner.Code;
                }
                else if (errors.ValueKind == JsonValueKind.Object)
                {
                    // {"field": {"message": ...}} or {"field": ["..."]}
                    foreach (var p in errors.EnumerateObject())
                    {
                        var inner = FromElement(p.Value);
                        message = p.Name + ": " + (inner.Message ?? p.Value.ToString());
                        break;
                    }
                }
            }
            return (message, code);
        }

        private static string? Text(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
        }
    }
}
