using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class NewPplLeadTests : PplCommandTestBase
    {
        public NewPplLeadTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        [Fact]
        public void Field_composes_the_description_lines_the_service_parses()
        {
            var r = RunConnected(@"New-PplLead -Title 'Awesome Company' -Field ([ordered]@{ Firstname = 'John'; Lastname = 'Doe'; Email = ""john.doe@company.com`nsecond line"" }) `
                -Description 'Met at the fair.' -Tag prospect, google -UserId stef@example.com").EnsureSuccess();

            var lead = Assert.Single(r.Output);
            Assert.Equal("PplLead", lead.BaseObject.GetType().Name);
            var body = JsonDocument.Parse(Assert.Single(Requests("POST", "/leads")).Body!).RootElement;
            Assert.Equal("Firstname: John\nLastname: Doe\nEmail: john.doe@company.com second line\n---\nMet at the fair.", body.GetProperty("description").GetString());
            Assert.Equal("stef@example.com", body.GetProperty("user_id").GetString());
            Assert.Equal(new[] { "prospect", "google" }, body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

            // The service read the lines as fields.
            var byName = (System.Collections.Generic.Dictionary<string, string?>)((dynamic)lead.BaseObject).ExtendedInfo.FieldsByName;
            Assert.Equal("John", byName["Firstname"]);
            Assert.Equal("514", P<long?>(lead, "UserId")!.Value.ToString());
        }

        [Fact]
        public void Objects_bind_by_property_name_like_Import_Csv_rows()
        {
            var r = RunConnected(@"
                $rows = @(
                    [pscustomobject]@{ Title = 'Csv One'; Description = 'Email: one@csv.example'; Tag = 'vip,US'; UserId = 'juliette@example.com'; CreatedAt = '2026-01-05 10:00:00' }
                    [pscustomobject]@{ Title = 'Csv Two'; Description = 'Email: two@csv.example'; Tag = 'csv'; UserId = ''; CreatedAt = $null }
                )
                $rows[0] | New-PplLead
                $rows[1] | ForEach-Object { [pscustomobject]@{ Title = $_.Title; Description = $_.Description; Tag = $_.Tag } } | New-PplLead").EnsureSuccess();

            Assert.Equal(new[] { "Csv One", "Csv Two" }, r.Output.Select(o => P<string>(o, "Title")));
            Assert.Equal(new[] { "US", "vip" }, P<string[]>(r.Output[0], "Tags"));
            Assert.Equal(436L, P<long?>(r.Output[0], "UserId"));
            Assert.Null(P<long?>(r.Output[1], "UserId"));
            var first = JsonDocument.Parse(Requests("POST", "/leads")[0].Body!).RootElement;
            Assert.Equal(new[] { "vip", "US" }, first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.StartsWith("2026-01-05T", first.GetProperty("created_at").GetString());
        }

        [Fact]
        public void A_user_id_with_a_user_token_fails_before_sending()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred\nNew-PplLead -Title 'Not sent' -UserId 436");
            var error = Assert.Single(r.Errors);
            AssertError(error, "Ppl.UserIdWithUserToken", ErrorCategory.InvalidArgument, "Not sent");
            Assert.Empty(Requests("POST", "/leads"));
        }

        [Fact]
        public void A_bad_field_name_is_reported_and_the_other_leads_are_created()
        {
            var r = RunConnected(@"
                [pscustomobject]@{ Title = 'Good 1' }, [pscustomobject]@{ Title = 'Bad'; Field = @{ 'Na:me' = 'x' } }, [pscustomobject]@{ Title = 'Good 2' } | New-PplLead");
            Assert.Equal(new[] { "Good 1", "Good 2" }, r.Output.Select(o => P<string>(o, "Title")));
            AssertError(Assert.Single(r.Errors), "Ppl.InvalidArgument", ErrorCategory.InvalidArgument, "Bad");
            Assert.Equal(2, Requests("POST", "/leads").Count);
        }

        [Fact]
        public void WhatIf_creates_nothing()
        {
            RunConnected("New-PplLead -Title 'Dry run' -WhatIf").EnsureSuccess();
            Assert.Empty(Requests("POST", "/leads"));
        }

        [Fact]
        public void A_prospect_becomes_a_lead_by_pipeline_binding()
        {
            var r = RunConnected(@"
                $list = [pscustomobject]@{ 'Company' = 'Prospect Corp'; Email = 'p@prospect.example' } | New-PplProspectingList -Title 'For leads'
                $list.Prospects | New-PplLead").EnsureSuccess();
            var lead = Assert.Single(r.Output);
            Assert.Equal("Prospect Corp", P<string>(lead, "Title"));
            Assert.Contains("Email: p@prospect.example", P<string>(lead, "Description"));
            Assert.Single(Requests("POST", "/create_lead"));
        }
    }
}
