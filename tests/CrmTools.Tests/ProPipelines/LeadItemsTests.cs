using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>Comments, attachments, histories, duplicates, business cards and template e-mails of leads.</summary>
    public class LeadItemsTests : PplCommandTestBase
    {
        public LeadItemsTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        [Fact]
        public void Comments_are_added_listed_and_removed_through_the_pipeline()
        {
            var r = RunConnected(@"
                $c = Add-PplLeadComment -LeadId 1005 -Content 'Called, quote next week.' -ActivityId 272 -UserId juliette@example.com
                $c
                Get-PplLeadComment -LeadId 1005 | Where-Object Id -eq $c.Id
                Get-PplLeadComment -LeadId 1005 | Where-Object Id -eq $c.Id | Remove-PplLeadComment -Confirm:$false
                @(Get-PplLeadComment -LeadId 1005 | Where-Object Id -eq $c.Id).Count").EnsureSuccess();
            var comment = r.Output[0];
            Assert.Equal("PplComment", comment.BaseObject.GetType().Name);
            Assert.Equal(1005L, P<long?>(comment, "LeadId"));
            Assert.Equal("Juliette Rose", P<string>(comment, "Author"));
            var body = JsonDocument.Parse(Assert.Single(Requests("POST", "/comments")).Body!).RootElement;
            Assert.Equal(272, body.GetProperty("activity_id").GetInt32());
            Assert.Equal("juliette@example.com", body.GetProperty("user_id").GetString());
            Assert.Equal(P<long>(comment, "Id"), P<long>(r.Output[1], "Id"));
            Assert.Equal(0, (int)r.Output[2].BaseObject);
            Assert.Single(Requests("DELETE"));
        }

        [Fact]
        public void A_user_id_on_a_comment_is_ignored_with_a_user_token_and_says_so()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred\nAdd-PplLeadComment -LeadId 1006 -Content 'Mine' -UserId 436").EnsureSuccess();
            Assert.Contains(r.Warning, w => w.Contains("-UserId is ignored with a user token"));
            Assert.False(JsonDocument.Parse(Assert.Single(Requests("POST", "/comments")).Body!).RootElement.TryGetProperty("user_id", out _));
        }

        [Fact]
        public void A_file_is_uploaded_listed_downloaded_and_removed()
        {
            var folder = Path.Combine(Path.GetTempPath(), "ppl-attach-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var source = Path.Combine(folder, "quote ü.txt");
                File.WriteAllText(source, "Our offer: 42");
                var r = RunConnected(@"
                    $a = Add-PplLeadAttachment -LeadId 1007 -Path $source
                    $a
                    Get-PplLeadAttachment -LeadId 1007 | Where-Object Id -eq $a.Id | Save-PplLeadAttachment -Destination ([IO.Path]::Combine($folder, 'out'))
                    Get-PplLeadAttachment -LeadId 1007 | Where-Object Id -eq $a.Id | Save-PplLeadAttachment -Destination ([IO.Path]::Combine($folder, 'out'))
                    Get-PplLeadAttachment -LeadId 1007 | Where-Object Id -eq $a.Id | Remove-PplLeadAttachment -Force
                    @(Get-PplLeadAttachment -LeadId 1007).Count",
                    new() { ["source"] = source, ["folder"] = folder });
                var attachment = r.Output[0];
                Assert.Equal("quote ü.txt", P<string>(attachment, "Name"));
                Assert.Equal(1007L, P<long?>(attachment, "LeadId"));
                var saved = Assert.IsType<FileInfo>(r.Output[1].BaseObject);
                Assert.Equal("Our offer: 42", File.ReadAllText(saved.FullName));
                Assert.Equal("quote ü.txt", saved.Name);
                // The second save met the file it had written: refused without -Force.
                Assert.Contains("give -Force to overwrite", Assert.Single(r.Errors).Exception.Message);
                Assert.Equal(0, (int)r.Output[2].BaseObject);
                Assert.StartsWith("multipart/form-data; boundary=", Assert.Single(Requests("POST", "/attachments")).Headers["Content-Type"]);
                // The download link is fetched without the account's key.
                var download = Assert.Single(Sandbox.Control.Requests, q => q.Path.EndsWith("/download"));
                Assert.False(download.Headers.ContainsKey("X-API-KEY"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void History_filters_all_go_on_the_query_string()
        {
            var r = RunConnected(@"Get-PplLeadHistory -LeadId 1008 -From ([datetime]::SpecifyKind('2025-01-01', 'Utc')) -To ([datetime]::SpecifyKind('2026-12-31', 'Utc')) `
                -ActionType status_changed -ActionValue won -UserId 514, juliette@example.com -Direction desc -First 5").EnsureSuccess();
            var query = Uri.UnescapeDataString(Assert.Single(Requests("GET", "/action_histories")).Query);
            foreach (var part in new[] { "from=2025-01-01T00:00:00Z", "to=2026-12-31T00:00:00Z", "action_type=status_changed", "action_value=won",
                                         "user_ids=514,juliette@example.com", "direction=desc", "limit=5" })
            {
                Assert.Contains(part, query);
            }
            Assert.All(r.Output, o => Assert.Equal("status_changed", P<string>(o, "ActionType")));
        }

        [Fact]
        public void History_reflects_the_changes_made_with_the_module()
        {
            var r = RunConnected(@"
                $id = (New-PplLead -Title 'History' -UserId 514).Id
                Set-PplLead -Id $id -Amount 2600 -Probability 60
                Set-PplLead -Id $id -Step Closing -Status won
                Get-PplLeadHistory -LeadId $id").EnsureSuccess();
            Assert.Equal(new[] { "lead_created", "user_assigned", "amount_set", "step_changed", "status_changed" },
                r.Output.Select(o => P<string>(o, "ActionType")));
            Assert.Equal("Closing", P<string>(r.Output[3], "Summary"));
            Assert.Equal("won", P<string>(r.Output[4], "Summary"));
        }

        [Fact]
        public void History_caps_first_at_the_documented_hundred_with_a_warning()
        {
            var r = RunConnected("Get-PplLeadHistory -LeadId 1008 -First 500").EnsureSuccess();
            Assert.Contains("limit=100", Assert.Single(Requests("GET", "/action_histories")).Query);
            Assert.Contains(r.Warning, w => w.Contains("at most 100"));
        }

        [Fact]
        public void Duplicates_name_the_lead_they_duplicate_and_what_matched()
        {
            var r = RunConnected("Get-PplLead -Id 1001 | Get-PplLeadDuplicate").EnsureSuccess();
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, o =>
            {
                Assert.Equal(1001L, P<long>(o, "DuplicateOf"));
                Assert.Contains("title", P<string>(o, "MatchedOn"));
            });
        }

        [Fact]
        public void A_lead_without_a_business_card_is_a_not_found_error()
        {
            var r = RunConnected("Get-PplLeadBusinessCard -LeadId 1001");
            AssertError(Assert.Single(r.Errors), "Ppl.BusinessCardNotFound", ErrorCategory.ObjectNotFound, 1001L);
        }

        [Fact]
        public void A_template_email_is_sent_and_an_unknown_template_is_reported()
        {
            var r = RunConnected("Send-PplLeadEmail -LeadId 1001 -TemplateId 10 -Verbose; Send-PplLeadEmail -LeadId 1001 -TemplateId 99");
            Assert.Contains(r.Verbose, v => v.Contains("Lead 1001: Sending email..."));
            AssertError(Assert.Single(r.Errors), "Ppl.EmailTemplateNotFound", ErrorCategory.ObjectNotFound, 1001L);
            Assert.Equal(10, JsonDocument.Parse(Requests("POST", "/send_email_from_template")[0].Body!).RootElement.GetProperty("email_template_id").GetInt32());
        }
    }
}
