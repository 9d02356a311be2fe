using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Userlike;
using CrmTools.Tests.Harness;
using CrmTools.Tests.LimeCrm;
using Xunit;

namespace CrmTools.Tests.Userlike
{
    public class ConvertFromUserlikeConversationTests : LimeCrmTestBase
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "CrmToolsUserlike-" + Guid.NewGuid().ToString("N"));

        public ConvertFromUserlikeConversationTests(SandboxFixture fixture) : base(fixture) => Directory.CreateDirectory(_folder);

        private UserlikeConversation ReadSeed()
        {
            var r = Run("ConvertFrom-UserlikeConversation -Path $p", new() { ["p"] = UserlikeTestData.SeedPath }).EnsureSuccess();
            return Assert.IsType<UserlikeConversation>(Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void The_seed_payload_reads_into_a_typed_conversation()
        {
            var c = ReadSeed();

            Assert.Equal(63741936, c.Id);
            Assert.Equal("open", c.Status);
            Assert.Equal("Open", c.StatusDescription);
            Assert.Equal("web", c.Channel);
            Assert.Equal("human", c.InteractionType);
            Assert.Equal("en_US", c.Locale);
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:48:45.349Z"), c.CreatedAt);
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:49:07.260Z"), c.UpdatedAt);
            Assert.Null(c.EndedAt);
            Assert.Equal("conversation", c.PayloadType);
            Assert.Equal("received_unread", c.PayloadEvent);
            Assert.Equal(UserlikeTestData.SeedPath, c.Source);

            Assert.Equal(79189089, c.Contact!.Id);
            Assert.Null(c.Contact.Name);
            Assert.Null(c.Contact.Email);
            Assert.Null(c.Contact.Phone);
            Assert.Equal("en_US", c.Contact.Locale);
            Assert.Equal(50.9375, c.Contact.LocLat);
            Assert.Equal("Userlike contact 79189089", c.Contact.DisplayName);

            Assert.Equal(180783, c.Operator!.Id);
            Assert.Equal("Peter Testman", c.Operator.Name);
            Assert.Equal("peter.testman@userlike.com", c.Operator.Email);
            Assert.False(c.Operator.IsBot);
            Assert.Equal(139611, c.Widget!.Id);
            Assert.Equal("Testing Peter Testman", c.Widget.Name);
            Assert.Equal("Testing Peter Testman", c.RoutingInfo!.OperatorGroup!.Name);
            Assert.Equal("Cologne", c.Location!.City);
            Assert.Equal("DE", c.Location.CountryCode);
            var part = Assert.Single(c.ConversationPartSet!);
            Assert.Equal("Chrome", part.Browser!.Name);
            Assert.Equal(TimeSpan.FromSeconds(45), part.DurationTime);

            Assert.Equal(4, c.MessageCount);
            Assert.Equal(new[] { UserlikeSenderKind.Operator, UserlikeSenderKind.Contact, UserlikeSenderKind.System, UserlikeSenderKind.Operator },
                c.Messages!.Select(m => m.SenderKind));
            Assert.Equal(new[] { true, false, true, false }, c.Messages.Select(m => m.IsEvent));
            Assert.Equal("welcome_message", c.Messages[0].Event);
            Assert.Equal("status_change", c.Messages[2].Event);
            Assert.Equal("new", c.Messages[2].PreviousStatus);
            Assert.Equal("Conversation status changed from New to Open.", c.Messages[2].Text);
            Assert.Equal("Hello, I have a question.", c.Messages[1].Text);
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:49:07.228Z"), c.Messages[1].SentAt);
            Assert.Equal("Read by contact", c.Messages[1].State!.Message);
            Assert.Equal("Peter Testman", c.Messages[3].SenderName);
            Assert.Equal("63741936.108109315.595801817", c.LastMessage!.Msgid);
        }

        [Fact]
        public void Every_field_of_the_seed_payload_is_reachable_with_its_value()
        {
            var c = ReadSeed();
            using var payload = JsonDocument.Parse(File.ReadAllText(UserlikeTestData.SeedPath));

            var checkedFields = AssertReachable(payload.RootElement, c, "$");

            Assert.True(checkedFields > 200, $"only {checkedFields} fields were compared");
        }

        [Fact]
        public void Fields_the_model_does_not_name_are_kept()
        {
            var r = Run(@"'{""_type"": ""conversation"", ""id"": 9, ""status"": ""open"", ""shiny_new_field"": {""a"": 1}, ""contact"": {""id"": 3, ""pronouns"": ""they""}}' | ConvertFrom-UserlikeConversation").EnsureSuccess();

            var c = (UserlikeConversation)r.Output.Single().BaseObject;
            Assert.Equal(1, c.AdditionalProperties!["shiny_new_field"].GetProperty("a").GetInt32());
            Assert.Equal("they", c.Contact!.AdditionalProperties!["pronouns"].GetString());
        }

        [Fact]
        public void The_transcript_reads_like_the_chat()
        {
            var c = ReadSeed();

            Assert.Equal(string.Join(Environment.NewLine,
                "Userlike conversation 63741936 · web · Open · 2024-02-22 15:48 UTC",
                "Contact: Userlike contact 79189089 · Operator: Peter Testman · Widget: Testing Peter Testman",
                "",
                "[15:48:45] Peter Testman (welcome message): Hello, you're talking to Peter Testman. How can I help?",
                "[15:49:07] Userlike contact 79189089: Hello, I have a question.",
                "[15:49:07] * Conversation status changed from New to Open.",
                "[15:49:23] Peter Testman: Hello, how can I help you?"), c.Transcript);
        }

        [Fact]
        public void Bots_multi_line_messages_and_day_changes_render_readably()
        {
            var r = Run(@"'{""id"": 5, ""status"": ""open"", ""created_at"": ""2024-03-01T23:59:00Z"", ""contact"": {""id"": 1, ""name"": ""Zoë Ångström""},
                ""transcript"": [
                  {""sent_at"": ""2024-03-01T23:59:10Z"", ""type"": ""message"", ""body_plain"": ""Hi **there**"", ""operator_is_bot"": true, ""operator_name"": ""Helper"", ""sender"": {""type"": ""operator"", ""id"": 4}},
                  {""sent_at"": ""2024-03-02T00:00:05Z"", ""type"": ""message"", ""body_plain"": ""Line one\nLine two"", ""sender"": {""type"": ""contact"", ""id"": 1}}]}' | ConvertFrom-UserlikeConversation").EnsureSuccess();

            var c = (UserlikeConversation)r.Output.Single().BaseObject;
            Assert.Equal(UserlikeSenderKind.Bot, c.Messages![0].SenderKind);
            Assert.EndsWith(string.Join(Environment.NewLine,
                "[23:59:10] Helper (bot): Hi there",
                "--- 2024-03-02 ---",
                "[00:00:05] Zoë Ångström: Line one",
                "    Line two"), c.Transcript);
        }

        [Fact]
        public void Reads_files_folders_text_objects_and_conversations()
        {
            File.Copy(UserlikeTestData.SeedPath, Path.Combine(_folder, "a [1].json"));
            File.WriteAllText(Path.Combine(_folder, "b.json"), "[" + UserlikeTestData.Conversation(11, 1).ToJsonString() + "," + UserlikeTestData.Conversation(12, 2).ToJsonString() + "]");
            var r = Run(@"
                ConvertFrom-UserlikeConversation -Path $folder | ForEach-Object Id
                ConvertFrom-UserlikeConversation -LiteralPath ([IO.Path]::Combine($folder, 'a [1].json')) | ForEach-Object Id
                [System.IO.FileInfo]([IO.Path]::Combine($folder, 'b.json')) | ConvertFrom-UserlikeConversation | ForEach-Object Id
                [pscustomobject]@{ _type = 'conversation'; id = 21; contact = [pscustomobject]@{ id = 2; name = 'Obj' }; created_at = [datetime]::new(2024, 1, 2, 3, 4, 5, [DateTimeKind]::Utc) } | ConvertFrom-UserlikeConversation | ForEach-Object { $_.Id; $_.Contact.Name; $_.CreatedAt.UtcDateTime.Hour }
                @{ id = 22; status = 'open' } | ConvertFrom-UserlikeConversation | ConvertFrom-UserlikeConversation | ForEach-Object Id",
                new() { ["folder"] = _folder }).EnsureSuccess();

            Assert.Equal(new object[] { 63741936L, 11L, 12L, 63741936L, 11L, 12L, 21L, "Obj", 3, 22L }, r.Objects.ToArray());
        }

        [Fact]
        public void Malformed_input_is_a_non_terminating_error_naming_the_file_or_item_and_the_rest_go_on()
        {
            File.Copy(UserlikeTestData.SeedPath, Path.Combine(_folder, "1-good.json"));
            File.WriteAllText(Path.Combine(_folder, "2-not-json.json"), "<html>oops</html>");
            File.WriteAllText(Path.Combine(_folder, "3-operator.json"), "{\"_type\": \"operator\", \"id\": 5}");
            File.WriteAllText(Path.Combine(_folder, "4-no-id.json"), "{\"_type\": \"conversation\", \"status\": \"open\"}");
            File.WriteAllText(Path.Combine(_folder, "5-bad-field.json"), "{\"_type\": \"conversation\", \"id\": 7, \"transcript\": \"not a list\"}");
            File.WriteAllText(Path.Combine(_folder, "6-empty.json"), "   ");
            var r = Run("ConvertFrom-UserlikeConversation -Path ([IO.Path]::Combine($folder, '*.json')); 'after'; 42, '{\"id\": 3, \"status\": \"open\"}' | ConvertFrom-UserlikeConversation",
                new() { ["folder"] = _folder });

            Assert.False(r.Terminated);
            Assert.Equal(63741936L, ((UserlikeConversation)r.Output[0].BaseObject).Id);
            Assert.Equal("after", r.Output[1].BaseObject);
            Assert.Equal(3L, ((UserlikeConversation)r.Output[2].BaseObject).Id);
            Assert.Equal(6, r.Errors.Count);
            var expected = new[]
            {
                ("Userlike.NotJson", "2-not-json.json is not valid JSON (line 1, character 1)"),
                ("Userlike.NotAConversation", "3-operator.json is a Userlike 'operator' payload, not a conversation."),
                ("Userlike.ConversationIdMissing", "4-no-id.json is a Userlike conversation without an id."),
                ("Userlike.InvalidConversation", "5-bad-field.json is not a readable Userlike conversation at $.transcript"),
                ("Userlike.EmptyInput", "6-empty.json is empty"),
                ("Userlike.NotAConversation", "pipeline item 1 is a System.Int32, not a Userlike conversation."),
            };
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.StartsWith(expected[i].Item1 + ",CrmTools.Userlike.ConvertFromUserlikeConversationCommand", r.Errors[i].FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, r.Errors[i].CategoryInfo.Category);
                Assert.Contains(expected[i].Item2, r.Errors[i].Exception.Message);
            }
            Assert.EndsWith("2-not-json.json", (string)r.Errors[0].TargetObject);
        }

        [Fact]
        public void A_missing_path_is_an_error_and_the_other_paths_go_on()
        {
            var r = Run("ConvertFrom-UserlikeConversation -Path ([IO.Path]::Combine($folder, 'nope.json')), $seed | ForEach-Object Id",
                new() { ["folder"] = _folder, ["seed"] = UserlikeTestData.SeedPath });

            Assert.Equal(new object[] { 63741936L }, r.Objects.ToArray());
            Assert.StartsWith("Userlike.PathNotFound,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void The_default_views_show_the_conversation_and_its_messages()
        {
            var r = Run("$c = ConvertFrom-UserlikeConversation -Path $p; $c | Out-Default; $c.Messages | Out-Default", new() { ["p"] = UserlikeTestData.SeedPath })
                .EnsureSuccess();

            Assert.Contains("63741936", r.HostText);
            Assert.Contains("Userlike contact 79189089", r.HostText);
            Assert.Contains("Peter Testman", r.HostText);
            Assert.Contains("Hello, I have a question.", r.HostText);
            Assert.Contains("Contact", r.HostText);
        }

        /// <summary>
        /// Walks the payload and finds each field on the typed conversation: a property whose JSON name is the field's
        /// (its [JsonPropertyName] or its snake_case name), a plain value tree, or AdditionalProperties. Compares the
        /// values (dates as instants). Returns how many leaf fields were compared.
        /// </summary>
        private static int AssertReachable(JsonElement json, object? model, string path)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Object:
                {
                    var count = 0;
                    if (model is IDictionary plain)
                    {
                        foreach (var field in json.EnumerateObject()) count += AssertReachable(field.Value, plain[field.Name], path + "." + field.Name);
                        return Math.Max(count, 1);
                    }
                    Assert.True(model != null, $"{path} is missing");
                    var type = model!.GetType();
                    foreach (var field in json.EnumerateObject())
                    {
                        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                            .FirstOrDefault(p => p.GetCustomAttribute<JsonIgnoreAttribute>() == null && JsonName(p) == field.Name);
                        if (property != null)
                        {
                            count += AssertReachable(field.Value, property.GetValue(model), path + "." + field.Name);
                            continue;
                        }
                        var extra = (IDictionary<string, JsonElement>?)type.GetProperty("AdditionalProperties")?.GetValue(model);
                        Assert.True(extra != null && extra.ContainsKey(field.Name), $"{path}.{field.Name} is not reachable");
                        Assert.Equal(field.Value.GetRawText(), extra![field.Name].GetRawText());
                        count++;
                    }
                    return Math.Max(count, 1);
                }
                case JsonValueKind.Array:
                {
                    var items = ((IEnumerable)model!).Cast<object?>().ToList();
                    Assert.Equal(json.GetArrayLength(), items.Count);
                    var count = 1;
                    var i = 0;
                    foreach (var item in json.EnumerateArray()) count += AssertReachable(item, items[i], $"{path}[{i++}]");
                    return count;
                }
                case JsonValueKind.String:
                    if (model is DateTimeOffset at) Assert.Equal(DateTimeOffset.Parse(json.GetString()!), at);
                    else Assert.Equal(json.GetString(), model?.ToString());
                    return 1;
                case JsonValueKind.Number:
                    Assert.True(model != null, $"{path} is missing");
                    Assert.Equal(json.GetDecimal(), Convert.ToDecimal(model, System.Globalization.CultureInfo.InvariantCulture));
                    return 1;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    Assert.Equal(json.GetBoolean(), model);
                    return 1;
                default:
                    Assert.True(model == null || (model is string s && s.Length == 0), $"{path} should be empty but is {model}");
                    return 1;
            }
        }

        private static string JsonName(PropertyInfo property) =>
            property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
