using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble
{
    /// <summary>
    /// Nimble's documented error bodies, made readable. The shared pipeline already turned the response into a
    /// <see cref="CrmApiException"/>; this adds what only Nimble's shapes carry:
    /// <list type="bullet">
    /// <item>409, code 245: validation, with per-field <c>errors</c> ({"first name": [{"message", "field_id"}]} or
    /// {"/path": {"message"}}): the message names each field and why; the fields are in <c>Data["FieldErrors"]</c>.</item>
    /// <item>402, code 108: a quota of the subscription is used up (or the spec's payment body).</item>
    /// <item>404: <c>{"object_type", "object_id"}</c>: the message names the object; the ErrorId becomes e.g. Nimble.ContactNotFound.</item>
    /// <item>406: preflight check failures (<c>{"errors": [{"type", "message", "total"}]}</c>).</item>
    /// <item>500, code 107: the service's internal error (kept as is).</item>
    /// </list>
    /// </summary>
    internal static class NimbleErrors
    {
        public const string FieldErrorsKey = "FieldErrors";

        public static CrmApiException Enrich(CrmApiException e)
        {
            if (e.StatusCode == null || string.IsNullOrWhiteSpace(e.ResponseBody)) return e;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(e.ResponseBody!);
            }
            catch (JsonException)
            {
                return e;
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return e;
                var status = e.StatusCode.Value;
                var message = Text(root, "human_readable_error") ?? Text(root, "message");
                var code = Text(root, "code") ?? e.ServiceCode;

                if (status == 404 && Text(root, "object_type") is string type)
                {
                    var id = Text(root, "object_id");
                    var text = $"The {type} {(id != null ? "'" + id + "' " : string.Empty)}was not found.";
                    return Copy(e, CrmErrorKind.NotFound, text, code, Pascal(type), null);
                }
                if (root.TryGetProperty("errors", out var errors) && status == 409)
                {
                    var fields = FieldErrors(errors);
                    var text = new StringBuilder(message ?? "Validation failed");
                    foreach (var f in fields) text.Append(text.Length > 0 ? "; " : string.Empty).Append(f.Key).Append(": ").Append(f.Value);
                    var copy = Copy(e, CrmErrorKind.Conflict, text.ToString(), code, null, "ValidationFailed");
                    copy.Data[FieldErrorsKey] = fields;
                    return copy;
                }
                if (status == 409 && code == "245")
                {
                    return Copy(e, CrmErrorKind.Conflict, message ?? e.ServiceMessage, code, null, "ValidationFailed");
                }
                if (status == 402)
                {
                    var text = message ?? Text(root, "payment_type") ?? "A quota of the subscription is used up.";
                    return Copy(e, CrmErrorKind.QuotaExceeded, text, code, null, "QuotaExceeded");
                }
                if (status == 406 && errors.ValueKind == JsonValueKind.Array)
                {
                    var parts = errors.EnumerateArray()
                        .Select(x => (Text(x, "message") ?? Text(x, "type") ?? "check failed") +
                                     (Text(x, "total") is string total ? $" ({total})" : string.Empty)).ToList();
                    return Copy(e, CrmErrorKind.Conflict, string.Join("; ", parts), Text(errors.EnumerateArray().FirstOrDefault(), "type") ?? code, null, "PreflightCheckFailed");
                }
                if (message != null && message != e.ServiceMessage)
                {
                    return Copy(e, e.Kind, message, code, null, null);
                }
            }
            return e;
        }

        /// <summary>An error of the OAuth token endpoint ({"error", "error_description"}): an authentication failure.</summary>
        public static CrmApiException TokenFailure(CrmApiException e, string errorId, string what)
        {
            var reason = e.ServiceMessage ?? "the request was refused";
            var code = e.ServiceCode;
            var text = $"{what} failed: {reason}" + (code != null && !reason.Contains(code) ? $" ({code})" : string.Empty) + ".";
            var kind = e.StatusCode.HasValue && e.StatusCode.Value < 500 && e.StatusCode.Value != 429 ? CrmErrorKind.Unauthorized : e.Kind;
            return Copy(e, kind, text, code, "Token", errorId);
        }

        private static Dictionary<string, string> FieldErrors(JsonElement errors)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (errors.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in errors.EnumerateObject())
            {
                var messages = new List<string>();
                Collect(p.Value, messages);
                result[p.Name] = messages.Count > 0 ? string.Join(" ", messages.Distinct()) : p.Value.GetRawText();
            }
            return result;
        }

        private static void Collect(JsonElement value, List<string> messages)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    messages.Add(value.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray()) Collect(item, messages);
                    break;
                case JsonValueKind.Object:
                    if (Text(value, "message") is string m) messages.Add(m);
                    break;
            }
        }

        private static CrmApiException Copy(CrmApiException e, CrmErrorKind kind, string? message, string? code, string? resource, string? errorId) =>
            new CrmApiException(e.Service, kind, e.Method, e.Url, e.StatusCode, message, code, e)
            {
                Resource = resource ?? e.Resource,
                ErrorId = errorId ?? e.ErrorId,
                RetryAfter = e.RetryAfter,
                ResponseBody = e.ResponseBody,
                Attempts = e.Attempts,
            };

        // "contact field" -> "ContactField", for ErrorIds such as Nimble.ContactFieldNotFound.
        private static string Pascal(string text)
        {
            var sb = new StringBuilder();
            foreach (var word in text.Split(new[] { ' ', '_', '-' }, StringSplitOptions.RemoveEmptyEntries))
            {
                sb.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
            return sb.Length > 0 ? sb.ToString() : "Object";
        }

        private static string? Text(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
        }
    }
}
