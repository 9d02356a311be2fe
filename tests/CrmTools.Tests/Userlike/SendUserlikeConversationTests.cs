using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Userlike;
using CrmTools.Tests.Harness;
using CrmTools.Tests.LimeCrm;
using Xunit;

namespace CrmTools.Tests.Userlike
{
    public class SendUserlikeConversationTests : LimeCrmTestBase
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "CrmToolsUserlikeSend-" + Guid.NewGuid().ToString("N"));

        public SendUserlikeConversationTests(SandboxFixture fixture) : base(fixture) => Directory.CreateDirectory(_folder);

        private static UserlikeSendSummary Summary(PsResult r) => Assert.IsType<UserlikeSendSummary>(r.Output.Last().BaseObject);

        private IReadOnlyDictionary<string, object?> Only(string limetype, Func<IReadOnlyDictionary<string, object?>, bool> where) =>
            Assert.Single(Lime.Objects(limetype), o => where(o));

        [Fact]
        public void The_seed_conversation_becomes_a_person_a_history_note_and_a_conversation_record()
        {
            var persons = Lime.Count("person");
            var r = RunConnected("Send-UserlikeConversationToLimeCrm -Path $p", new() { ["p"] = UserlikeTestData.SeedPath }).EnsureSuccess();

            var summary = Summary(r);
            Assert.Equal((1, 1, 0, 0), (summary.Total, summary.Created, summary.Skipped, summary.Failed));
            var result = Assert.Single(summary.Results);
            Assert.True(result.PersonCreated);
            Assert.Equal(persons + 1, Lime.Count("person"));

            var person = Only("person", p => (long)p["_id"]! == result.PersonId);
            Assert.Equal("Userlike contact 79189089", person["lastname"]);
            var record = Only("ulconversation", c => (long?)c["conversationid"] == 63741936);
            Assert.Equal(79189089L, record["contactid"]);
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:48:45.349Z"), record["starttime"]);
            Assert.Equal("web", record["channel"]);
            Assert.Equal("open", record["status"]);
            Assert.Equal("Peter Testman", record["operator"]);
            Assert.Equal(result.PersonId, record["person"]);
            Assert.Equal(result.HistoryId, record["history"]);
            var note = Only("history", h => (long)h["_id"]! == result.HistoryId);
            Assert.Equal("chat", note["type"]);
            Assert.Equal(result.PersonId, note["person"]);
            Assert.Equal(DateTimeOffset.Parse("2024-02-22T15:48:45.349Z"), note["date"]);
            Assert.StartsWith("Userlike conversation 63741936 · web · Open", (string)note["note"]!);
            Assert.Contains("[15:49:07] Userlike contact 79189089: Hello, I have a question.", (string)note["note"]!);
        }

        [Fact]
        public void Sending_again_creates_nothing_and_counts_the_conversation_as_skipped()
        {
            RunConnected("Send-UserlikeConversationToLimeCrm -Path $p", new() { ["p"] = UserlikeTestData.SeedPath }).EnsureSuccess();
            Sandbox.Control.ResetRequestLog();

            var r = Run("ConvertFrom-UserlikeConversation -Path $p | Send-UserlikeConversationToLimeCrm -Verbose", new() { ["p"] = UserlikeTestData.SeedPath })
                .EnsureSuccess();

            var summary = Summary(r);
            Assert.Equal((1, 0, 1, 0), (summary.Total, summary.Created, summary.Skipped, summary.Failed));
            Assert.Equal(UserlikeSendOutcome.AlreadySent, summary.Results[0].Outcome);
            Assert.Empty(LimeRequests(null, "POST"));
            Assert.Single(Lime.Objects("ulconversation"));
            Assert.Contains(r.Verbose, v => v.Contains("already sent") && v.Contains("skipped"));
        }

        [Fact]
        public void A_known_contact_is_found_by_e_mail_and_linked_with_its_company()
        {
            var json = UserlikeTestData.Conversation(4711, 2).ToJsonString();
            var persons = Lime.Count("person");

            var r = RunConnected("$json | Send-UserlikeConversationToLimeCrm", new() { ["json"] = json }).EnsureSuccess();

            var result = Assert.Single(Summary(r).Results);
            Assert.Equal(UserlikeSendOutcome.Created, result.Outcome);
            Assert.False(result.PersonCreated);
            Assert.Equal(1041L, result.PersonId);
            Assert.Equal("email 'anna.berg@acme.example'", result.PersonMatchedBy);
            Assert.Equal(1001L, result.CompanyId);
            Assert.Equal(persons, Lime.Count("person"));
            var note = Only("history", h => (long)h["_id"]! == result.HistoryId);
            Assert.Equal(1041L, note["person"]);
            Assert.Equal(1001L, note["company"]);
        }

        [Fact]
        public void A_returning_contact_without_e_mail_or_phone_is_found_by_an_earlier_conversation()
        {
            var first = UserlikeTestData.Conversation(5001, 0).ToJsonString();
            var second = UserlikeTestData.Conversation(5002, 0).ToJsonString();

            var r = RunConnected("$first, $second | Send-UserlikeConversationToLimeCrm", new() { ["first"] = first, ["second"] = second }).EnsureSuccess();

            var results = Summary(r).Results;
            Assert.True(results[0].PersonCreated);
            Assert.False(results[1].PersonCreated);
            Assert.Equal(results[0].PersonId, results[1].PersonId);
            Assert.Equal("an earlier conversation of Userlike contact 500000", results[1].PersonMatchedBy);
        }

        [Fact]
        public void A_new_contact_is_linked_to_the_one_company_with_its_company_name()
        {
            var r = RunConnected("$json | Send-UserlikeConversationToLimeCrm", new() { ["json"] = UserlikeTestData.Conversation(6001, 1).ToJsonString() })
                .EnsureSuccess();

            var result = Assert.Single(Summary(r).Results);
            Assert.True(result.PersonCreated);
            Assert.Equal(1002L, result.CompanyId);
            var person = Only("person", p => (long)p["_id"]! == result.PersonId);
            Assert.Equal("José", person["firstname"]);
            Assert.Equal("Núñez", person["lastname"]);
            Assert.Equal("new.contact1@example.test", person["email"]);
            Assert.Equal(1002L, person["company"]);
        }

        [Fact]
        public void WhatIf_shows_what_would_be_created_and_writes_nothing()
        {
            var r = RunConnected("Send-UserlikeConversationToLimeCrm -Path $p -WhatIf", new() { ["p"] = UserlikeTestData.SeedPath }).EnsureSuccess();

            var summary = Summary(r);
            Assert.Equal((1, 0, 0, 1), (summary.Total, summary.Created, summary.Failed, summary.NotSent));
            Assert.Contains("What if: Performing the operation \"Create Lime CRM records\" on target \"Userlike conversation 63741936", r.HostText);
            Assert.Contains("create person: lastname = 'Userlike contact 79189089'", r.HostText);
            Assert.Contains("create history: type = chat", r.HostText);
            Assert.Contains("create ulconversation: conversationid = 63741936", r.HostText);
            Assert.Empty(LimeRequests(null, "POST"));
        }

        [Fact]
        public void A_folder_of_generated_conversations_goes_through_with_progress_and_the_right_summary_and_a_rerun_skips_them_all()
        {
            const int count = 150;
            var ids = UserlikeTestData.WriteFolder(_folder, 800000, count);
            File.Copy(Path.Combine(_folder, "conversation-800007.json"), Path.Combine(_folder, "conversation-800007-copy.json"));
            File.WriteAllText(Path.Combine(_folder, "export-array.json"),
                "[" + UserlikeTestData.Conversation(900001, 1).ToJsonString() + "," + UserlikeTestData.Conversation(900002, 3).ToJsonString() + "]");
            File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\"_type\": \"conversation\", \"id\": 77");
            File.WriteAllText(Path.Combine(_folder, "not-a-conversation.json"), "{\"_type\": \"operator\", \"id\": 1}");
            File.WriteAllText(Path.Combine(_folder, "no-id.json"), "{\"_type\": \"conversation\", \"status\": \"open\"}");
            var persons = Lime.Count("person");

            var first = RunConnected("Send-UserlikeConversationToLimeCrm -Path $folder", new() { ["folder"] = _folder });

            var summary = Summary(first);
            Assert.Equal(count + 2, summary.Created);
            Assert.Equal(1, summary.Skipped);
            Assert.Equal(3, summary.Failed);
            Assert.Equal(count + 6, summary.Total);
            Assert.Equal(new[] { "broken.json", "no-id.json", "not-a-conversation.json" }, summary.FailedItems.Select(f => Path.GetFileName(f.Source!)).OrderBy(n => n));
            Assert.All(summary.FailedItems, f => Assert.False(string.IsNullOrEmpty(f.Error)));
            Assert.Equal(3, first.Errors.Count);
            Assert.All(first.Errors, e => Assert.StartsWith("Userlike.", e.FullyQualifiedErrorId));
            Assert.Equal(count + 2, Lime.Count("ulconversation"));
            Assert.Equal(count + 2, Lime.Objects("history").Count(h => (string?)h["type"] == "chat"));
            Assert.Equal(ids.Concat(new[] { 900001L, 900002L }).OrderBy(i => i), Lime.Objects("ulconversation").Select(c => (long)c["conversationid"]!).OrderBy(i => i));

            // New persons: one per new contact; Anna Berg and the returning contacts are found, not duplicated, and so are
            // the two contacts of export-array.json (the e-mail of conversation 1 and the phone of conversation 3 of the folder).
            var kinds = Enumerable.Range(0, count).Select(UserlikeTestData.KindOf).ToList();
            var expectedNew = kinds.Count(k => k == UserlikeTestData.ContactKind.Anonymous || k == UserlikeTestData.ContactKind.NewWithEmail ||
                                               k == UserlikeTestData.ContactKind.PhoneOnly)
                              + Enumerable.Range(0, count).Where(i => UserlikeTestData.KindOf(i) == UserlikeTestData.ContactKind.Returning).Select(i => i % 10).Distinct().Count();
            Assert.Equal(persons + expectedNew, Lime.Count("person"));
            Assert.Equal(expectedNew, summary.PersonsCreated);
            Assert.True(Lime.Objects("person").Count(p => (string?)p["email"] == "anna.berg@acme.example") == 1);

            // Unicode names, bots and very long transcripts arrive intact.
            var unicode = Only("person", p => (string?)p["email"] == "new.contact31@example.test");
            Assert.Equal(("李", "小龍"), ((string?)unicode["firstname"], (string?)unicode["lastname"]));
            Assert.Contains(Lime.Objects("person"), p => (string?)p["firstname"] == "Łukasz" && (string?)p["lastname"] == "Żółć");
            var longNote = (string)Only("history", h => ((string?)h["note"])?.StartsWith("Userlike conversation 800000 ") == true)["note"]!;
            Assert.True(longNote.Length > 30000, $"the long transcript has {longNote.Length} characters");
            Assert.Contains("Helper Bot (bot): I am the bot. Let me find an operator.", longNote);

            Assert.NotEmpty(first.Progress);
            Assert.Contains(first.Progress, p => p.PercentComplete > 0 && p.PercentComplete <= 100 && p.StatusDescription.Contains("created"));
            Assert.Equal(ProgressRecordType.Completed, first.Progress.Last().RecordType);

            Sandbox.Control.ResetRequestLog();
            var again = Run("[IO.Directory]::GetFiles($folder, '*.json') | ForEach-Object { [IO.FileInfo]$_ } | Send-UserlikeConversationToLimeCrm",
                new() { ["folder"] = _folder });
            var rerun = Summary(again);
            Assert.Equal((0, count + 3, 3), (rerun.Created, rerun.Skipped, rerun.Failed));
            Assert.Empty(LimeRequests(null, "POST"));
            Assert.Equal(count + 2, Lime.Count("ulconversation"));
        }

        [Fact]
        public void The_mapping_can_be_changed_with_a_hashtable_and_a_case_record_turned_on()
        {
            var r = RunConnected(@"$json | Send-UserlikeConversationToLimeCrm -Mapping @{
                    History = @{ Properties = @{ type = '=comment'; note = 'summary' } }
                    Case    = @{ Properties = @{ status = '=new' } }
                    Conversation = @{ Properties = @{ operator = $null; url = '=https://www.userlike.com/' } }
                }", new() { ["json"] = UserlikeTestData.Conversation(7001, 2).ToJsonString() }).EnsureSuccess();

            var result = Assert.Single(Summary(r).Results);
            Assert.Equal(UserlikeSendOutcome.Created, result.Outcome);
            var ticket = Only("helpdesk", h => (long)h["_id"]! == result.CaseId);
            Assert.StartsWith("Userlike chat with Anna Berg (Support), 2025-", (string)ticket["title"]!);
            Assert.Equal("new", ticket["status"]);
            Assert.Equal(1041L, ticket["person"]);
            var note = Only("history", h => (long)h["_id"]! == result.HistoryId);
            Assert.Equal("comment", note["type"]);
            Assert.Equal(ticket["title"], note["note"]);
            Assert.Equal(result.CaseId, note["helpdesk"]);
            var record = Only("ulconversation", c => (long?)c["conversationid"] == 7001);
            Assert.Null(record["operator"]);
            Assert.Equal("https://www.userlike.com/", record["url"]);
            Assert.Equal(result.CaseId, record["helpdesk"]);
        }

        [Theory]
        [InlineData("json", "{ \"History\": { \"Properties\": { \"type\": \"=comment\" } } }")]
        [InlineData("psd1", "@{ History = @{ Properties = @{ type = '=comment' } } }")]
        public void The_mapping_can_come_from_a_file(string extension, string content)
        {
            var file = Path.Combine(_folder, "mapping." + extension);
            File.WriteAllText(file, content);

            var r = RunConnected("Send-UserlikeConversationToLimeCrm -Path $p -MappingPath $m", new() { ["p"] = UserlikeTestData.SeedPath, ["m"] = file })
                .EnsureSuccess();

            var result = Assert.Single(Summary(r).Results);
            Assert.Equal("comment", Only("history", h => (long)h["_id"]! == result.HistoryId)["type"]);
        }

        [Theory]
        [InlineData("@{ History = @{ Properties = @{ type = '=phonecall' } } }", "History.Properties.type = '=phonecall': Lime CRM property 'history.type' does not allow 'phonecall'. Allowed: comment (Comment), chat (Chat)")]
        [InlineData("@{ Person = @{ Properties = @{ emial = 'contact.email' } } }", "Person.Properties.emial: Lime CRM limetype 'person' has no property 'emial'")]
        [InlineData("@{ Person = @{ Limetype = 'contact' } }", "Person.Limetype: Lime CRM has no limetype 'contact'")]
        [InlineData("@{ Person = @{ Properties = @{ lastname = $null } } }", "a new Lime CRM person needs lastname, which Person.Properties does not map")]
        [InlineData("@{ History = @{ Relations = @{ person = 'Company' } } }", "History.Relations.person: 'history.person' relates to a person, but Company is a company")]
        [InlineData("@{ Persn = @{} }", "'Persn' is not a part of the mapping. Parts: Company, Person, Case, History, Conversation.")]
        [InlineData("@{ Person = @{ MatchBy = 'mobilephone' } }", "Person.MatchBy names 'mobilephone', which Person.Properties does not map")]
        [InlineData("@{ History = @{ Properties = @{ note = 'contact..email' } } }", "History.Properties.note = 'contact..email' is neither a path")]
        public void A_mapping_that_does_not_fit_stops_the_command_before_anything_is_read_or_written(string mapping, string message)
        {
            var r = RunConnected($"Send-UserlikeConversationToLimeCrm -Path $p -Mapping {mapping}; 'next statement'", new() { ["p"] = UserlikeTestData.SeedPath });

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Userlike.InvalidMapping,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.Exception.Message);
            Assert.Equal(new object[] { "next statement" }, r.Objects.ToArray()); // no summary: the command stopped
            Assert.Empty(LimeRequests("/limeobject/"));
        }

        [Fact]
        public void A_conversation_the_service_rejects_is_a_failed_item_and_the_others_go_on()
        {
            // Sandbox faults make the history note of the second conversation fail with a 400.
            Sandbox.Control.InjectFault(new CrmTools.Sandbox.SandboxFault { PathContains = "/limeobject/history/", Method = "POST", Status = 400, Times = 1 });
            var r = RunConnected("$a, $b | Send-UserlikeConversationToLimeCrm", new()
            {
                ["a"] = UserlikeTestData.Conversation(8101, 2).ToJsonString(),
                ["b"] = UserlikeTestData.Conversation(8102, 2).ToJsonString(),
            });

            var summary = Summary(r);
            Assert.Equal((2, 1, 1), (summary.Total, summary.Created, summary.Failed));
            var failed = Assert.Single(summary.FailedItems);
            Assert.Equal(8101L, failed.ConversationId);
            Assert.Contains("400", failed.Error);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.InvalidRequest,", error.FullyQualifiedErrorId);
            Assert.Equal(8101L, ((UserlikeConversation)error.TargetObject).Id);
            Assert.Single(Lime.Objects("ulconversation"));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
