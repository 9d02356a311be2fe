using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmTools.Tests.Userlike
{
    /// <summary>The seed payload (Data/seed-conversation.json, copied from the vendor document) and generated conversations.</summary>
    internal static class UserlikeTestData
    {
        private static readonly string[] UnicodeNames = { "Zoë Ångström", "José Núñez", "Søren Ødegaard", "李 小龍", "Łukasz Żółć", "Chloé O'Brien", "Ünal Çelik" };

        /// <summary>The vendor document's example conversation, exactly as it is there.</summary>
        public static string SeedPath
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    var path = Path.Combine(dir.FullName, "tests", "CrmTools.Tests", "Userlike", "Data", "seed-conversation.json");
                    if (File.Exists(path)) return path;
                }
                throw new FileNotFoundException("tests/CrmTools.Tests/Userlike/Data/seed-conversation.json was not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>What one generated conversation's contact is like.</summary>
        public enum ContactKind
        {
            /// <summary>No name, e-mail or phone (like the seed's contact): only the Userlike contact id.</summary>
            Anonymous,
            /// <summary>A unicode name and a new e-mail address.</summary>
            NewWithEmail,
            /// <summary>The sandbox's Anna Berg, by her e-mail.</summary>
            Existing,
            /// <summary>A name and a phone number, no e-mail.</summary>
            PhoneOnly,
            /// <summary>One of two contacts that write several times in the batch (same contact id and e-mail).</summary>
            Returning,
        }

        public static ContactKind KindOf(int i) => (ContactKind)(i % 5);

        /// <summary>
        /// A generated conversation: the contact as <see cref="KindOf"/> says; the transcript has a welcome message,
        /// contact and operator messages, a status change, a bot message every third conversation and, every 17th,
        /// 300 long messages.
        /// </summary>
        public static JsonObject Conversation(long id, int i)
        {
            var kind = KindOf(i);
            long contactId = kind == ContactKind.Returning ? 7000 + i % 10 : 500000 + i;
            var name = UnicodeNames[i % UnicodeNames.Length];
            var contact = new JsonObject
            {
                ["id"] = contactId,
                ["name"] = kind switch
                {
                    ContactKind.Anonymous => null,
                    ContactKind.Existing => "Anna Berg",
                    ContactKind.Returning => "Returning " + (i % 10).ToString(CultureInfo.InvariantCulture),
                    _ => name,
                },
                ["email"] = kind switch
                {
                    ContactKind.NewWithEmail => $"new.contact{i}@example.test",
                    ContactKind.Existing => "anna.berg@acme.example",
                    ContactKind.Returning => $"returning{i % 10}@example.test",
                    _ => null,
                },
                ["phone_number"] = kind == ContactKind.PhoneOnly ? "+49 221 555 " + i.ToString("0000", CultureInfo.InvariantCulture) : null,
                ["company"] = kind == ContactKind.NewWithEmail && i % 2 == 1 ? "Nordwind GmbH" : null,
                ["locale"] = "de_DE",
            };
            var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(i * 37);
            var transcript = new JsonArray
            {
                Message(id, start, "notification", "welcome_message", "Hallo! Wie kann ich helfen?", "operator", 180783, false),
                Message(id, start.AddSeconds(20), "message", null, "Ich habe eine Frage zu meiner Rechnung – größer als erwartet.", "contact", contactId, false),
                Message(id, start.AddSeconds(21), "notification", "status_change", "Conversation status changed from **New** to **Open**.", "system", null, false),
            };
            if (i % 3 == 0) transcript.Add(Message(id, start.AddSeconds(30), "message", null, "I am the bot. Let me find an operator.", "operator", 990001, true));
            var count = i % 17 == 0 ? 300 : 2;
            for (var m = 0; m < count; m++)
            {
                var body = m % 2 == 0
                    ? $"Operator answer {m}: " + string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet. ", i % 17 == 0 ? 8 : 1))
                    : $"Contact reply {m}\nwith a second line";
                transcript.Add(Message(id, start.AddSeconds(40 + m * 15), "message", null, body, m % 2 == 0 ? "operator" : "contact",
                    m % 2 == 0 ? 180783 : contactId, false));
            }
            return new JsonObject
            {
                ["_type"] = "conversation",
                ["_event"] = "ended",
                ["id"] = id,
                ["status"] = i % 4 == 0 ? "resolved" : "open",
                ["status_description"] = i % 4 == 0 ? "Resolved" : "Open",
                ["created_at"] = start.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["contact_channel"] = new JsonObject { ["type"] = i % 2 == 0 ? "web" : "whatsapp", ["state"] = "valid" },
                ["contact"] = contact,
                ["operator_assigned_to"] = 180783,
                ["operator_assigned_to_email"] = "peter.testman@userlike.com",
                ["um_widget"] = new JsonObject { ["id"] = 139611, ["name"] = "Support" },
                ["transcript"] = transcript,
            };
        }

        /// <summary>Writes <paramref name="count"/> generated conversations (ids from <paramref name="firstId"/>), one file each.</summary>
        public static List<long> WriteFolder(string folder, long firstId, int count)
        {
            Directory.CreateDirectory(folder);
            var ids = new List<long>();
            for (var i = 0; i < count; i++)
            {
                var id = firstId + i;
                File.WriteAllText(Path.Combine(folder, $"conversation-{id}.json"), Conversation(id, i).ToJsonString(), new UTF8Encoding(false));
                ids.Add(id);
            }
            return ids;
        }

        private static JsonObject Message(long conversationId, DateTimeOffset at, string type, string? evt, string body, string senderType, long? senderId, bool bot) => new JsonObject
        {
            ["id"] = $"{conversationId}.1.{at.ToUnixTimeMilliseconds()}",
            ["conversation_id"] = conversationId,
            ["sent_at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["type"] = type,
            ["event"] = evt,
            ["body"] = body,
            ["body_plain"] = body,
            ["operator_id"] = senderType == "operator" ? senderId : null,
            ["operator_name"] = senderType == "operator" ? (bot ? "Helper Bot" : "Peter Testman") : "",
            ["operator_display_name"] = senderType == "operator" ? (bot ? "Helper Bot" : "Peter Testman") : "",
            ["operator_is_bot"] = bot,
            ["name"] = senderType == "contact" ? "Contact" : senderType == "system" ? "Event" : "Peter Testman",
            ["sender"] = new JsonObject { ["type"] = senderType, ["id"] = senderId },
        };
    }
}
