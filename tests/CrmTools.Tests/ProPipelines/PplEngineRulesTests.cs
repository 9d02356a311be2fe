using System;
using System.Collections.Generic;
using System.Linq;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>Unit tests of the ProPipelines engine rules that need no service.</summary>
    public class PplEngineRulesTests
    {
        private static KeyValuePair<string, string?> F(string name, string? value) => new KeyValuePair<string, string?>(name, value);

        [Fact]
        public void The_description_has_field_lines_then_a_separator_then_free_text()
        {
            Assert.Equal("Firstname: John\nEmail: j@x.example\n---\nFree\ntext",
                PplLeadDescription.Compose(new[] { F("Firstname", "John"), F("Email", " j@x.example\r\n"), F("Phone", null) }, "Free\ntext"));
            Assert.Equal("Only text", PplLeadDescription.Compose(null, "Only text"));
            Assert.Equal("Web: https://x.example/a:b", PplLeadDescription.Compose(new[] { F("Web", "https://x.example/a:b") }, null));
        }

        [Theory]
        [InlineData("Na:me")]
        [InlineData("Two\nlines")]
        [InlineData("--- end")]
        [InlineData(" ")]
        public void A_field_name_the_service_would_misread_is_refused(string name)
        {
            var error = Assert.Throws<CrmValidationException>(() => PplLeadDescription.Compose(new[] { F(name, "v") }, null));
            Assert.Equal("Field", error.ParameterName);
        }

        [Theory]
        [InlineData("09:00", true)]
        [InlineData("9:45", true)]
        [InlineData("23:45", true)]
        [InlineData("09:10", false)]
        [InlineData("24:00", false)]
        [InlineData("9h30", false)]
        public void Remind_times_are_quarter_hours(string time, bool valid)
        {
            var update = new PplLeadUpdate { RemindTime = time };
            if (valid) update.Validate();
            else Assert.Equal("RemindTime", Assert.Throws<CrmValidationException>(update.Validate).ParameterName);
        }

        [Fact]
        public void Every_documented_reminder_duration_is_allowed_and_nothing_else()
        {
            foreach (var d in new[] { 0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720 }) new PplLeadUpdate { ReminderDuration = d }.Validate();
            foreach (var d in new[] { -15, 1, 20, 75, 360, 1440 })
            {
                Assert.Equal("ReminderDuration", Assert.Throws<CrmValidationException>(new PplLeadUpdate { ReminderDuration = d }.Validate).ParameterName);
            }
        }

        [Fact]
        public void Standby_needs_a_remind_date_and_an_empty_update_is_refused()
        {
            Assert.Equal("RemindDate", Assert.Throws<CrmValidationException>(new PplLeadUpdate { Status = "StandBy" }.Validate).ParameterName);
            new PplLeadUpdate { Status = "standby", RemindDate = new DateTime(2026, 12, 1) }.Validate();
            Assert.Contains("Nothing to change", Assert.Throws<CrmValidationException>(new PplLeadUpdate().Validate).Message);
        }

        [Fact]
        public void Named_prospects_make_columns_in_first_seen_order()
        {
            var content = PplProspectTable.ForNewList(new[]
            {
                PplProspectRecord.Named(new[] { F("Company", "A"), F("Email", "a@x") }),
                PplProspectRecord.Named(new[] { F("email", "b@x"), F("Phone", "1") }),
            });
            Assert.Equal(new[] { "Company", "Email", "Phone" }, content[0]);
            Assert.Equal(new[] { "A", "a@x", "" }, content[1]);
            Assert.Equal(new[] { "", "b@x", "1" }, content[2]);
        }

        [Fact]
        public void Positional_prospects_bring_their_header_and_mixing_is_refused()
        {
            var content = PplProspectTable.ForNewList(new[] { PplProspectRecord.Positional(new[] { "Company" }), PplProspectRecord.Positional(new string?[] { null }) });
            Assert.Equal(new[] { "" }, content[1]);
            Assert.Throws<CrmValidationException>(() => PplProspectTable.ForNewList(new[]
            {
                PplProspectRecord.Positional(new[] { "Company" }), PplProspectRecord.Named(new[] { F("Company", "x") }),
            }));
        }

        [Fact]
        public void Adding_checks_the_lists_size_and_columns_and_chunks_by_one_hundred()
        {
            var columns = new[] { "Name", "Email" };
            var records = Enumerable.Range(1, 250).Select(i => PplProspectRecord.Named(new[] { F("EMAIL", i + "@x") })).ToList();
            var rows = PplProspectTable.ForExistingList(columns, 4750, records);
            Assert.Equal(new[] { "", "1@x" }, rows[0]);
            Assert.Equal(new[] { 100, 100, 50 }, PplProspectTable.Chunks(rows).Select(c => c.Rows.Count));
            Assert.Contains("has 4751", Assert.Throws<CrmValidationException>(() => PplProspectTable.ForExistingList(columns, 4751, records)).Message);
            Assert.Contains("'Shoe'", Assert.Throws<CrmValidationException>(() =>
                PplProspectTable.ForExistingList(columns, 0, new[] { PplProspectRecord.Named(new[] { F("Shoe", "42") }) })).Message);
        }

        [Fact]
        public void The_webhook_signature_is_lowercase_hex_sha1_of_id_then_key()
        {
            // SHA-1("984abc"), computed independently.
            var expected = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes("984abc"))).ToLowerInvariant();
            Assert.Equal(expected, PplWebhookSignature.Compute(984, "abc"));
            Assert.True(PplWebhookSignature.Verify(984, expected.ToUpperInvariant(), "abc"));
            Assert.False(PplWebhookSignature.Verify(984, expected, "abd"));
            Assert.False(PplWebhookSignature.Verify(984, expected.Substring(1), "abc"));
            Assert.False(PplWebhookSignature.Verify(984, null, "abc"));
        }

        [Fact]
        public void Webhook_events_are_checked_and_spelled_canonically()
        {
            Assert.Equal("lead.status.changed.to.won", PplWebhookEvents.Normalize(" Lead.Status.Changed.To.Won "));
            Assert.Equal("lead.step.changed.to.Sales funnel.Closing", PplWebhookEvents.Normalize("LEAD.STEP.CHANGED.TO.Sales funnel.Closing"));
            Assert.Equal("UnknownWebhookEvent", Assert.Throws<CrmValidationException>(() => PplWebhookEvents.Normalize("lead.created")).ErrorId);
            Assert.Throws<CrmValidationException>(() => PplWebhookEvents.Normalize("lead.step.changed.to."));
        }

        [Fact]
        public void A_delivery_body_or_a_bare_event_parses_and_lead_data_is_typed()
        {
            var e = PplWebhooksApi.ParseEvent("{\"webhook_event\":{\"id\":3,\"event\":\"lead.creation\",\"signature\":\"ab\",\"data\":" +
                "{\"id\":8115,\"title\":\"RED\",\"description\":\"Firstname: John<br />\",\"text_description\":\"Firstname: John\",\"client\":{\"id\":1,\"name\":\"Series\"}}}}");
            Assert.Equal(3, e.Id);
            Assert.Equal("RED", e.Data!.Title);
            Assert.Equal("Firstname: John", e.Data.Description);
            Assert.Equal("Firstname: John<br />", e.Data.HtmlDescription);
            var bare = PplWebhooksApi.ParseEvent("{\"id\":4,\"event\":\"prospect.created\",\"data\":{\"id\":115,\"content\":[\"a\"]}}");
            Assert.Null(bare.Data);
            Assert.NotNull(bare.RawData);
            Assert.Throws<CrmValidationException>(() => PplWebhooksApi.ParseEvent("not json"));
        }

        [Fact]
        public void Lists_are_split_trimmed_and_deduplicated()
        {
            Assert.Equal(new[] { "vip", "US", "b" }, PplRules.SplitList(new[] { "vip, US", " ", "us", "b" }));
        }
    }
}
