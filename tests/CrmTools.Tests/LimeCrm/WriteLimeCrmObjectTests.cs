using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Engine.LimeCrm;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    public class WriteLimeCrmObjectTests : LimeCrmTestBase
    {
        public WriteLimeCrmObjectTests(SandboxFixture fixture) : base(fixture) { }

        private JsonElement LastBody(string method) =>
            JsonDocument.Parse(LimeRequests("/limeobject/", method).Last().Body!).RootElement;

        [Fact]
        public void Creates_an_object_with_typed_values_and_a_relation_found_by_name()
        {
            var r = RunConnected(@"New-LimeCrmObject person @{ firstname = 'Nils'; lastname = 'Holm'; email = 'nils.holm@acme.example'; inactive = 'false'; company = 'Acme AB' }").EnsureSuccess();

            var created = Assert.Single(r.Output);
            Assert.Equal(1001L, P<long>(created, "company"));
            Assert.Equal("Nils Holm", P<string>(created, "Descriptive"));
            var body = LastBody("POST");
            Assert.Equal(1001, body.GetProperty("company").GetInt64());
            Assert.False(body.GetProperty("inactive").GetBoolean());
            Assert.Contains(Lime.Objects("person"), p => (string?)p["email"] == "nils.holm@acme.example" && (long?)p["company"] == 1001);
        }

        [Fact]
        public void Relations_take_an_id_an_object_or_a_unique_value_in_a_hashtable()
        {
            var r = RunConnected(@"
                $anna = Get-LimeCrmObject person 1041
                New-LimeCrmObject history @{ type = 'comment'; date = [datetime]'2026-02-01 10:00'; note = 'By object'; person = $anna }
                New-LimeCrmObject history @{ type = 'Comment'; date = '2026-02-01T10:00:00+01:00'; note = 'By e-mail'; person = @{ email = 'anna.berg@acme.example' } }
                New-LimeCrmObject history @{ type = 2; date = '2026-02-01'; note = 'By id and option id'; person = 1041 }").EnsureSuccess();

            Assert.Equal(3, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal(1041L, P<long>(o, "person")));
            Assert.Equal(new[] { "comment", "comment", "chat" }, r.Output.Select(o => ((LimeOption)o.Properties["type"].Value).Key));
            var body = LastBody("POST");
            Assert.Equal("chat", body.GetProperty("type").GetString());
            Assert.Single(LimeRequests("/limeobject/person/", "GET").Where(q => q.Query.Contains("email=")));
        }

        [Fact]
        public void A_relation_value_that_is_not_found_or_not_unique_is_an_error_and_nothing_is_created()
        {
            var r = RunConnected(@"
                New-LimeCrmObject person @{ lastname = 'A'; company = 'Nowhere Ltd' }
                New-LimeCrmObject person @{ lastname = 'B'; company = 'Tyrell AS' }
                New-LimeCrmObject person @{ lastname = 'C'; company = (Get-LimeCrmObject person 1041) }");

            Assert.Equal(3, r.Errors.Count);
            Assert.StartsWith("LimeCrm.RelatedObjectNotFound,", r.Errors[0].FullyQualifiedErrorId);
            Assert.Contains("No Lime CRM company has name = 'Nowhere Ltd'", r.Errors[0].Exception.Message);
            Assert.StartsWith("LimeCrm.RelatedObjectNotUnique,", r.Errors[1].FullyQualifiedErrorId);
            Assert.StartsWith("LimeCrm.InvalidPropertyValue,", r.Errors[2].FullyQualifiedErrorId);
            Assert.Contains("relates to a company", r.Errors[2].Exception.Message);
            Assert.Empty(LimeRequests("/limeobject/", "POST"));
        }

        [Theory]
        [InlineData("@{ lastname = 'X'; emial = 'x' }", "LimeCrm.UnknownProperty", "person' has no property 'emial'", "firstname, lastname, email")]
        [InlineData("@{ firstname = 'Only' }", "LimeCrm.RequiredPropertyMissing", "person needs lastname", "")]
        [InlineData("@{ lastname = ('x' * 65) }", "LimeCrm.ValueTooLong", "person.lastname' takes at most 64", "")]
        [InlineData("@{ lastname = 'X'; inactive = 'maybe' }", "LimeCrm.InvalidPropertyValue", "person.inactive", "yes/no")]
        [InlineData("@{ lastname = 'X'; history = 5 }", "LimeCrm.PropertyNotWritable", "person.history", "history side")]
        [InlineData("@{ lastname = 'X'; _id = 5 }", "LimeCrm.UnknownProperty", "'_id' is a system field", "")]
        public void Values_are_checked_against_the_metadata_before_any_request(string values, string errorId, string message, string allowed)
        {
            var r = RunConnected("New-LimeCrmObject person " + values);

            var error = Assert.Single(r.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.Exception.Message);
            Assert.Contains(allowed, error.Exception.Message);
            Assert.Empty(LimeRequests("/limeobject/"));
        }

        [Theory]
        [InlineData("@{ name = 'Y'; buyingstatus = 'hot' }", "does not allow 'hot'. Allowed: active (Active customer), prospect (Prospect), excustomer (Former customer), notinterested (Not interested).")]
        [InlineData("@{ name = 'Y'; buyingstatus = 'lead' }", "'lead' of Lime CRM property 'company.buyingstatus' is inactive")]
        [InlineData("@{ name = 'Y'; categories = 'customer', 'enemy' }", "'company.categories' does not allow 'enemy'")]
        public void Options_not_allowed_name_the_allowed_ones(string values, string message)
        {
            var r = RunConnected("New-LimeCrmObject company " + values);

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.OptionNotAllowed,", error.FullyQualifiedErrorId);
            Assert.Contains(message, error.Exception.Message);
            Assert.Empty(LimeRequests("/limeobject/"));
        }

        [Fact]
        public void Csv_rows_from_the_pipeline_are_created_and_a_bad_row_does_not_stop_the_others()
        {
            var r = RunConnected(@"
                [pscustomobject]@{ firstname = 'Åsa'; lastname = 'Öberg'; inactive = 'true'; company = '1002' },
                [pscustomobject]@{ firstname = 'Bad'; lastname = 'Row'; inactive = 'perhaps' },
                [pscustomobject]@{ firstname = 'Łukasz'; lastname = 'Nowak'; inactive = '0'; company = '' } | New-LimeCrmObject -Limetype person");

            Assert.Equal(2, r.Output.Count);
            Assert.True(P<bool>(r.Output[0], "inactive"));
            Assert.Equal(1002L, P<long>(r.Output[0], "company"));
            Assert.Null(r.Output[1].Properties["company"].Value);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.InvalidPropertyValue,", error.FullyQualifiedErrorId);
            Assert.Equal("Bad", ((PSObject)error.TargetObject).Properties["firstname"].Value);
            Assert.Equal(2, LimeRequests("/limeobject/person/", "POST").Count);
        }

        [Fact]
        public void WhatIf_shows_the_checked_values_and_creates_nothing()
        {
            var r = RunConnected("New-LimeCrmObject deal ([ordered]@{ name = 'Big one'; value = '1234.5'; dealstatus = 'Tender'; company = 1001 }) -WhatIf").EnsureSuccess();

            Assert.Empty(r.Output);
            Assert.Contains("deal: name = 'Big one', value = 1234.5, dealstatus = tender, company = 1001", r.HostText);
            Assert.Empty(LimeRequests("/limeobject/", "POST"));
        }

        [Fact]
        public void Set_sends_only_the_given_properties()
        {
            var r = RunConnected("Set-LimeCrmObject person 1041 @{ position = 'Head of sales'; mobilephone = $null } -PassThru").EnsureSuccess();

            Assert.Equal("Head of sales", P<string>(Assert.Single(r.Output), "position"));
            var body = LastBody("PUT");
            Assert.Equal(new[] { "mobilephone", "position" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("mobilephone").ValueKind);
        }

        [Fact]
        public void An_object_edited_in_PowerShell_sends_what_changed()
        {
            var r = RunConnected(@"
                $company = Get-LimeCrmObject company 1001
                $company.buyingstatus = 'prospect'
                $company.phone = '+46 8 555 000 00'
                $company | Set-LimeCrmObject -PassThru").EnsureSuccess();

            var saved = Assert.Single(r.Output);
            Assert.Equal("prospect", ((LimeOption)saved.Properties["buyingstatus"].Value).Key);
            var body = LastBody("PUT");
            Assert.Equal(new[] { "buyingstatus", "phone" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
            Assert.Equal("prospect", body.GetProperty("buyingstatus").GetString());
            Assert.EndsWith("/limeobject/company/1001/", LimeRequests("/limeobject/", "PUT").Single().Path);
        }

        [Fact]
        public void Nothing_changed_sends_nothing()
        {
            RunConnected("Get-LimeCrmObject company 1001 | Set-LimeCrmObject -Verbose").EnsureSuccess();

            Assert.Empty(LimeRequests("/limeobject/", "PUT"));
        }

        [Fact]
        public void Set_from_the_pipeline_with_a_hashtable_updates_each_object()
        {
            RunConnected("Get-LimeCrmObject person -Filter @{ company = 1002 } | Set-LimeCrmObject -Property @{ inactive = $true }").EnsureSuccess();

            var persons = Lime.Objects("person").Where(p => (long?)p["company"] == 1002).ToList();
            Assert.NotEmpty(persons);
            Assert.All(persons, p => Assert.Equal(true, p["inactive"]));
            Assert.Equal(persons.Count, LimeRequests("/limeobject/person/", "PUT").Count);
        }

        [Fact]
        public void Remove_asks_nothing_with_Confirm_false_and_a_missing_object_does_not_stop_the_rest()
        {
            var r = RunConnected("Remove-LimeCrmObject helpdesk 1351, 999999, 1352 -Confirm:$false");

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.ObjectNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal("helpdesk 999999", error.TargetObject);
            Assert.DoesNotContain(Lime.Objects("helpdesk"), h => (long)h["_id"]! == 1351 || (long)h["_id"]! == 1352);
        }

        [Fact]
        public void Remove_with_WhatIf_deletes_nothing_and_is_confirm_impact_high()
        {
            var before = Lime.Count("helpdesk");
            var r = RunConnected(@"
                Get-LimeCrmObject helpdesk -Filter @{ status = 'closed' } | Remove-LimeCrmObject -WhatIf
                (Get-Command Remove-LimeCrmObject).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").EnsureSuccess();

            Assert.Equal(before, Lime.Count("helpdesk"));
            Assert.Contains("What if: Performing the operation \"Delete Lime CRM object\" on target \"helpdesk 1351\"", r.HostText);
            Assert.Equal(ConfirmImpact.High, (ConfirmImpact)r.Output.Single().BaseObject);
            Assert.Empty(LimeRequests("/limeobject/", "DELETE"));
        }
    }
}
