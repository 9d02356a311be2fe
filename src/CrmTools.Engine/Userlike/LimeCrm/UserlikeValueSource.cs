using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmTools.Engine.LimeCrm;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Userlike
{
    /// <summary>
    /// Where a mapped value comes from: "=text" is that fixed text; a computed name (transcript, summary,
    /// contact.first_name, ...) is worked out from the typed conversation; anything else is a dotted path
    /// into the payload as Userlike sent it (contact.email, routing_info.operator_group.name,
    /// conversation_part_set.0.location.city). A path that is not in the payload gives no value.
    /// </summary>
    internal static class UserlikeValueSource
    {
        private static readonly Regex PathPattern = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|[0-9]+))*$", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, Func<UserlikeConversation, object?>> Computed =
            new Dictionary<string, Func<UserlikeConversation, object?>>(StringComparer.OrdinalIgnoreCase)
            {
                ["transcript"] = c => c.Transcript,
                ["summary"] = Summary,
                ["contact.first_name"] = c => c.Contact?.FirstName,
                ["contact.last_name"] = c => c.Contact?.LastName ?? "Userlike contact",
                ["contact.display_name"] = c => c.Contact?.DisplayName ?? "Userlike contact",
                ["contact.phone"] = c => c.Contact?.Phone,
                ["operator.name"] = c => c.Operator?.ToString(),
                ["operator.email"] = c => c.Operator?.Email,
                ["operator.id"] = c => c.Operator?.Id,
                ["channel"] = c => c.Channel,
                ["location"] = c => c.Location?.ToString(),
                ["message_count"] = c => (long)c.MessageCount,
            };

        /// <summary>The computed names, for help and messages.</summary>
        public static IEnumerable<string> ComputedNames => Computed.Keys;

        public static bool IsValid(string source) =>
            source.StartsWith("=", StringComparison.Ordinal) || Computed.ContainsKey(source) || PathPattern.IsMatch(source);

        public static object? Evaluate(string source, UserlikeConversation conversation)
        {
            if (source.StartsWith("=", StringComparison.Ordinal)) return source.Substring(1);
            if (Computed.TryGetValue(source, out var compute)) return compute(conversation);
            var element = conversation.Payload;
            if (element.ValueKind == JsonValueKind.Undefined) return null;
            foreach (var segment in source.Split('.'))
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
                {
                    element = child;
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                         index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    return null;
                }
            }
            var value = PlainJson.ToPlain(element);
            return value is string text && string.IsNullOrWhiteSpace(text) ? null : value;
        }

        /// <summary>"Userlike chat with Anna Berg (Support), 2024-02-22".</summary>
        private static string Summary(UserlikeConversation c)
        {
            var text = "Userlike chat with " + (c.Contact?.DisplayName ?? "a contact");
            if (!string.IsNullOrWhiteSpace(c.Widget?.Name)) text += " (" + c.Widget!.Name + ")";
            if (c.CreatedAt.HasValue) text += ", " + c.CreatedAt.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return text;
        }
    }
}
