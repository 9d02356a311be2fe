using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrmTools.Engine.Userlike
{
    /// <summary>
    /// Renders a conversation's transcript as text that reads like the chat:
    /// <code>
    /// Userlike conversation 63741936 · web · Open · 2024-02-22 15:48 UTC
    /// Contact: Anna Berg &lt;anna@example.com&gt; · Operator: Peter Testman · Widget: Support
    ///
    /// [15:48:45] Peter Testman (welcome message): Hello, you're talking to Peter Testman. How can I help?
    /// [15:49:07] Anna Berg: Hello, I have a question.
    /// [15:49:07] * Conversation status changed from New to Open.
    /// </code>
    /// Times are UTC; a line with the date comes first and again whenever the day changes; a message of
    /// several lines continues indented.
    /// </summary>
    internal static class UserlikeTranscript
    {
        private const string Indent = "    ";

        public static string Render(UserlikeConversation conversation)
        {
            var sb = new StringBuilder();
            sb.Append("Userlike conversation ").Append(conversation.Id.ToString(CultureInfo.InvariantCulture));
            foreach (var part in new[] { conversation.Channel, conversation.StatusDescription ?? conversation.Status })
            {
                if (!string.IsNullOrWhiteSpace(part)) sb.Append(" · ").Append(part);
            }
            if (conversation.CreatedAt.HasValue) sb.Append(" · ").Append(Utc(conversation.CreatedAt.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC");
            sb.AppendLine();

            var contact = conversation.Contact;
            var header = new StringBuilder("Contact: ").Append(contact?.DisplayName ?? "unknown");
            if (contact?.Email != null && contact.Name != null) header.Append(" <").Append(contact.Email).Append('>');
            var op = conversation.Operator;
            if (op != null) header.Append(" · Operator: ").Append(op);
            if (!string.IsNullOrWhiteSpace(conversation.Widget?.Name)) header.Append(" · Widget: ").Append(conversation.Widget!.Name);
            sb.AppendLine(header.ToString());

            var messages = (conversation.Messages ?? new System.Collections.Generic.List<UserlikeMessage>())
                .Select((m, i) => (Message: m, Index: i))
                .OrderBy(x => x.Message.SentAt ?? DateTimeOffset.MinValue).ThenBy(x => x.Index)
                .Select(x => x.Message);
            DateTime? day = conversation.CreatedAt.HasValue ? Utc(conversation.CreatedAt.Value).Date : (DateTime?)null;
            var first = true;
            foreach (var message in messages)
            {
                if (first)
                {
                    sb.AppendLine();
                    first = false;
                }
                if (message.SentAt.HasValue)
                {
                    var at = Utc(message.SentAt.Value);
                    if (day != at.Date)
                    {
                        sb.Append("--- ").Append(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).AppendLine(" ---");
                        day = at.Date;
                    }
                    sb.Append('[').Append(at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append("] ");
                }
                AppendMessage(sb, message, contact);
            }
            return sb.ToString().TrimEnd();
        }

        private static void AppendMessage(StringBuilder sb, UserlikeMessage message, UserlikeContact? contact)
        {
            var text = message.Text;
            if (message.SenderKind == UserlikeSenderKind.System)
            {
                sb.Append("* ");
            }
            else
            {
                var name = message.SenderKind == UserlikeSenderKind.Contact ? contact?.DisplayName ?? message.SenderName : message.SenderName;
                sb.Append(name);
                var notes = new System.Collections.Generic.List<string>();
                if (message.SenderKind == UserlikeSenderKind.Bot) notes.Add("bot");
                if (message.IsEvent && !string.IsNullOrEmpty(message.Event)) notes.Add(message.Event!.Replace('_', ' '));
                if (notes.Count > 0) sb.Append(" (").Append(string.Join(", ", notes)).Append(')');
                sb.Append(": ");
            }
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            sb.AppendLine(lines[0]);
            for (var i = 1; i < lines.Length; i++) sb.Append(Indent).AppendLine(lines[i]);
        }

        private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;
    }
}
