using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeCrm;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Userlike
{
    /// <summary>Input that is not a readable Userlike conversation: not JSON, not a conversation, no id.</summary>
    public sealed class UserlikeInputException : CrmException
    {
        internal UserlikeInputException(string errorId, string source, string message, Exception? inner = null)
            : base(UserlikeConversationReader.ServicePrefix, CrmErrorKind.Validation, message, inner)
        {
            ErrorId = errorId;
            Origin = source;
        }

        /// <summary>The file or pipeline item the input came from.</summary>
        public string Origin { get; }
    }

    /// <summary>One conversation read from the input, or why it could not be read.</summary>
    public sealed class UserlikeReadResult
    {
        internal UserlikeReadResult(string source, UserlikeConversation? conversation, UserlikeInputException? error)
        {
            Source = source;
            Conversation = conversation;
            Error = error;
        }

        public string Source { get; }

        public UserlikeConversation? Conversation { get; }

        public UserlikeInputException? Error { get; }
    }

    /// <summary>
    /// Reads Userlike conversation payloads: a JSON object (a webhook body, an exported file), a JSON array of
    /// them, or an object tree (what PowerShell's ConvertFrom-Json or a hashtable gives). Each conversation is
    /// checked: JSON, an object, a conversation (its _type, when present, is "conversation"), with an id.
    /// A bad one becomes an error naming its source; the others in the same input are still read.
    /// </summary>
    public static class UserlikeConversationReader
    {
        internal const string ServicePrefix = "Userlike";

        private static readonly string[] ConversationFields = { "transcript", "contact", "status", "conversation_part_set", "um_widget", "last_message" };

        private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 256,
        };

        /// <summary>Reads JSON text (a conversation or an array of conversations).</summary>
        public static IReadOnlyList<UserlikeReadResult> ReadText(string? text, string source)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new[] { Failed(source, "EmptyInput", $"{source} is empty; it holds no Userlike conversation.") };
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text!.Trim().TrimStart('\uFEFF'), DocumentOptions);
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber.HasValue ? $" (line {ex.LineNumber + 1}, character {ex.BytePositionInLine + 1})" : string.Empty;
                return new[] { Failed(source, "NotJson", $"{source} is not valid JSON{where}: {FirstSentence(ex.Message)}", ex) };
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    var results = new List<UserlikeReadResult>();
                    var i = 0;
                    foreach (var item in root.EnumerateArray())
                    {
                        results.Add(Read(item, source + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                        i++;
                    }
                    if (results.Count == 0) results.Add(Failed(source, "EmptyInput", $"{source} is an empty JSON array; it holds no Userlike conversation."));
                    return results;
                }
                return new[] { Read(root, source) };
            }
        }

        /// <summary>Reads a tree of dictionaries, lists and values (unwrapped PowerShell objects) as a conversation payload.</summary>
        public static IReadOnlyList<UserlikeReadResult> ReadObject(object? tree, string source)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) PlainJson.Write(writer, tree);
            return ReadText(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), source);
        }

        /// <summary>A conversation that was read before (passed through as it is).</summary>
        public static UserlikeReadResult Accept(UserlikeConversation conversation)
        {
            if (conversation == null) throw new ArgumentNullException(nameof(conversation));
            return new UserlikeReadResult(conversation.Source ?? "conversation " + conversation.Id.ToString(CultureInfo.InvariantCulture), conversation, null);
        }

        /// <summary>A file that could not be read at all (locked, no access).</summary>
        public static UserlikeReadResult Unreadable(string source, Exception exception) =>
            Failed(source, "FileNotReadable", $"{source} could not be read: {exception.Message}", exception);

        /// <summary>Input of a kind no conversation can come from (a number, a date, ...).</summary>
        public static UserlikeReadResult Unsupported(string source, string kind) =>
            Failed(source, "NotAConversation", $"{source} is a {kind}, not a Userlike conversation. Give JSON text, a .json file, " +
                "an object from ConvertFrom-Json, or a conversation from ConvertFrom-UserlikeConversation.");

        private static UserlikeReadResult Read(JsonElement element, string source)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Failed(source, "NotAConversation", $"{source} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not a Userlike conversation object.");
            }
            if (element.TryGetProperty("_type", out var type) && type.ValueKind == JsonValueKind.String &&
                !string.Equals(type.GetString(), "conversation", StringComparison.OrdinalIgnoreCase))
            {
                return Failed(source, "NotAConversation", $"{source} is a Userlike '{type.GetString()}' payload, not a conversation.");
            }
            var hasType = element.TryGetProperty("_type", out _);
            if (!hasType && !ConversationFields.Any(f => element.TryGetProperty(f, out _)))
            {
                return Failed(source, "NotAConversation", $"{source} is not a Userlike conversation: it has no _type and none of {string.Join(", ", ConversationFields)}.");
            }
            if (!element.TryGetProperty("id", out var id) || !IsPositiveId(id))
            {
                return Failed(source, "ConversationIdMissing", $"{source} is a Userlike conversation without an id" +
                    (id.ValueKind == JsonValueKind.Undefined ? "." : $" (its id is {id.GetRawText()})."));
            }
            UserlikeConversation? conversation;
            try
            {
                conversation = element.Deserialize(UserlikeJsonContext.Default.UserlikeConversation);
            }
            catch (JsonException ex)
            {
                var path = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" at {ex.Path}";
                return Failed(source, "InvalidConversation", $"{source} is not a readable Userlike conversation{path}: {FirstSentence(ex.Message)}", ex);
            }
            if (conversation == null) return Failed(source, "NotAConversation", $"{source} holds no Userlike conversation.");
            conversation.Source = source;
            conversation.Payload = element.Clone();
            return new UserlikeReadResult(source, conversation, null);
        }

        private static bool IsPositiveId(JsonElement id) =>
            (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) && n > 0) ||
            (id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0);

        private static UserlikeReadResult Failed(string source, string errorId, string message, Exception? inner = null) =>
            new UserlikeReadResult(source, null, new UserlikeInputException(errorId, source, message, inner));

        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 3." which the message already says better.
        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).Trim();
        }
    }
}
