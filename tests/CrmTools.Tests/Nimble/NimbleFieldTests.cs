using System;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    /// <summary>Contact fields, groups, tabs and choices, and pipeline custom fields, groups and choices, end to end against the sandbox.</summary>
    public class NimbleFieldTests : NimbleTestBase
    {
        private const string InfoTab = "5049f696a694620a07000030";

        public NimbleFieldTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed();
        }

        [Fact]
        public void A_tab_group_and_fields_are_created_in_order_and_a_custom_field_round_trips_on_a_contact()
        {
            var r = RunConnected(@"
                New-NimbleContactFieldTab -Name Compliance -ContactType Person
                New-NimbleContactFieldGroup -Name GDPR -Tab Compliance -LogoId shield
                New-NimbleContactField -Name Consent -Group GDPR -Kind Choice -Choice Yes, No
                New-NimbleContactField -Name Score -Tab Compliance -Kind Number -NumberFormat Decimal -Decimals 1
                (Get-NimbleContactFieldGroup -Name GDPR).Fields -join ','
                $c = New-NimbleContact -FirstName Ada -LastName Lovelace -Field @{ Consent = 'Yes'; Score = '7.5' }
                (Get-NimbleContact -Id $c.Id).Value('Consent')
                New-NimbleContact -FirstName Bad -Field @{ Consent = 'Maybe' }");

            Assert.True(r.Output.Count == 6, r.ToString());
            var tab = (NimbleContactFieldTab)r.Output[0].BaseObject;
            Assert.Equal("Compliance", tab.Name);
            Assert.Equal(new[] { "person" }, tab.ContactTypes);
            var group = (NimbleContactFieldGroup)r.Output[1].BaseObject;
            Assert.Equal(tab.TabId, group.TabId);
            var consent = (NimbleContactField)r.Output[2].BaseObject;
            Assert.Equal("choice", consent.Kind);
            Assert.Equal(new[] { "Yes", "No" }, consent.Choices.Select(c => c.Value));
            Assert.Equal(new[] { "1", "2" }, consent.Choices.Select(c => c.Id));
            Assert.Equal("GDPR", consent.Group);
            var score = (NimbleContactField)r.Output[3].BaseObject;
            Assert.Equal("number", score.Kind);
            Assert.Null(score.GroupId);
            Assert.Equal("Consent", r.Objects.ElementAt(4));
            Assert.Equal("Yes", r.Objects.ElementAt(5));
            var error = Assert.Single(r.Errors);
            Assert.Contains("Consent", error.Exception.Message);

            // The documented bodies: every required key, new members last (after the tab's last member), null = first.
            var posts = Sandbox.Control.Requests.Where(q => q.Method == "POST" && q.Path.Contains("/api/v1/contacts/fields")).Select(q => JsonDocument.Parse(q.Body).RootElement).ToList();
            Assert.Equal(4, posts.Count);
            Assert.Equal("Compliance", posts[0].GetProperty("tab_name").GetString());
            Assert.Equal("person", posts[0].GetProperty("contact_types")[0].GetString());
            Assert.Equal(InfoTab, posts[0].GetProperty("insert_after").GetString());
            Assert.Equal(JsonValueKind.Null, posts[1].GetProperty("insert_after").ValueKind);
            Assert.Equal("shield", posts[1].GetProperty("logo_id").GetString());
            Assert.Equal(group.GroupId, posts[2].GetProperty("group_id").GetString());
            Assert.Equal("choice", posts[2].GetProperty("field_type").GetProperty("field_kind").GetString());
            Assert.Equal("No", posts[2].GetProperty("field_type").GetProperty("values").GetProperty("values")[1].GetProperty("value").GetString());
            Assert.Equal(JsonValueKind.Object, posts[2].GetProperty("presentation").ValueKind);
            Assert.False(posts[2].GetProperty("multiples").GetBoolean());
            Assert.Equal(JsonValueKind.Null, posts[3].GetProperty("group_id").ValueKind);
            Assert.Equal(group.GroupId, posts[3].GetProperty("insert_after").GetString());
            Assert.Equal("decimal", posts[3].GetProperty("presentation").GetProperty("number_type").GetString());
            Assert.Equal(1, posts[3].GetProperty("presentation").GetProperty("fraction_digits").GetInt32());
        }

        [Fact]
        public void Fields_groups_and_tabs_are_renamed_and_moved()
        {
            var r = RunConnected(@"
                $null = New-NimbleContactFieldTab -Name Extra -ContactType Person, Company
                $null = New-NimbleContactFieldGroup -Name Notes -Tab Extra
                $null = New-NimbleContactField -Name Hobby -Group Notes
                $f = Set-NimbleContactField -Field Hobby -NewName Hobbies -NoGroup -AtStart
                $f.Name; $f.GroupId -eq $null
                (Set-NimbleContactFieldGroup -Group Notes -NewName 'More notes' -LogoId star).Name
                $t = Set-NimbleContactFieldTab -Tab Extra -NewName 'Extras' -ContactType Company -AtStart
                $t.Name; $t.ContactTypes -join ','
                (Get-NimbleContactFieldTab)[0].Name
                (Get-NimbleContactField -Tab Extras).Name -join ','").EnsureSuccess();
            Assert.Equal(new object[] { "Hobbies", true, "More notes", "Extras", "company", "Extras", "Hobbies" }, r.Objects.ToArray());
            var puts = Sandbox.Control.Requests.Where(q => q.Method == "PUT" && q.Path.Contains("/api/v1/contacts/fields")).Select(q => JsonDocument.Parse(q.Body).RootElement).ToList();
            Assert.Equal(JsonValueKind.Null, puts[0].GetProperty("group_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, puts[0].GetProperty("insert_after").ValueKind);
            Assert.False(puts[1].TryGetProperty("insert_after", out _));
            Assert.Equal("star", puts[1].GetProperty("logo_id").GetString());
            Assert.Equal("company", puts[2].GetProperty("contact_types").ToString());
        }

        [Fact]
        public void Choices_are_added_with_the_next_ids_renamed_moved_and_deleted()
        {
            var r = RunConnected(@"
                $f = New-NimbleContactFieldChoice -Field 'lead status' -Value Won, Lost
                $f.Choices.Id -join ','
                (Set-NimbleContactFieldChoice -Field 'lead status' -Choice Lost -NewValue 'Closed lost' -AtStart).Choices -join ','
                Remove-NimbleContactFieldChoice -Field 'lead status' -Choice Won -Force
                (Get-NimbleContactField -Name 'lead status').Choices -join ','
                New-NimbleContactFieldChoice -Field email -Value x");
            Assert.Equal("1,2,3,4,5,6", r.Objects.ElementAt(0));
            Assert.Equal("Closed lost,Open,Contacted,Qualified,Unqualified,Won", r.Objects.ElementAt(1));
            Assert.Equal("Closed lost,Open,Contacted,Qualified,Unqualified", r.Objects.ElementAt(2));
            Assert.Contains("only choice fields have choices", Assert.Single(r.Errors).Exception.Message);
            var posts = Sandbox.Control.Requests.Where(q => q.Method == "POST" && q.Path.EndsWith("/choices")).Select(q => JsonDocument.Parse(q.Body).RootElement).ToList();
            Assert.Equal(2, posts.Count);
            Assert.Equal(("5", "4"), (posts[0].GetProperty("id").GetString(), posts[0].GetProperty("insert_after").GetString()));
            Assert.Equal(("6", "5"), (posts[1].GetProperty("id").GetString(), posts[1].GetProperty("insert_after").GetString()));
            Assert.Contains(Sandbox.Control.Requests, q => q.Method == "DELETE" && q.Path.EndsWith("/choices/5") && q.Query.Contains("preflight_checks=true"));
        }

        [Fact]
        public void A_field_in_use_is_only_deleted_with_DeleteValues_and_its_values_go_with_it()
        {
            var r = RunConnected(@"
                $null = New-NimbleContactField -Name Region -Tab Info
                $c = New-NimbleContact -FirstName Grace -Field @{ Region = 'EMEA' }
                Remove-NimbleContactField -Field Region -Force
                (Get-NimbleContactField -Name Region).Name
                Remove-NimbleContactField -Field Region -DeleteValues -Force
                @(Get-NimbleContactField -Name Region).Count
                (Get-NimbleContact -Id $c.Id).Value('Region') -eq $null");
            var error = Assert.Single(r.Errors);
            Assert.Equal("Nimble.PreflightCheckFailed,CrmTools.Nimble.RemoveNimbleContactFieldCommand", error.FullyQualifiedErrorId);
            Assert.Equal(new object[] { "Region", 0, true }, r.Objects.ToArray());
            var deletes = Sandbox.Control.Requests.Where(q => q.Method == "DELETE" && q.Path.Contains("/api/v1/contacts/fields/")).ToList();
            Assert.Contains("preflight_checks=true", deletes[0].Query);
            Assert.Contains("preflight_checks=false", deletes[1].Query);
        }

        [Fact]
        public void Bad_input_is_refused_before_any_write_and_WhatIf_sends_nothing()
        {
            var r = RunConnected(@"
                New-NimbleContactField -Name A -Tab Info -Kind String -NumberFormat Integer
                New-NimbleContactField -Name B -Tab Info -Kind Choice -Choice Red, red
                New-NimbleContactField -Name C -Tab Nowhere
                New-NimbleContactField -Name D -Tab Info -After 'first name' -AtStart
                New-NimbleContactField -Name E -Tab Info -Kind DateTime -DateFormat '%d.%m.%Y' -DateOnly
                New-NimbleContactField -Name F
                New-NimbleContactField -Name G -Tab Info -WhatIf
                Remove-NimbleContactFieldTab -Tab Info -WhatIf");
            Assert.Equal(6, r.Errors.Count);
            Assert.Contains("number fields", r.Errors[0].Exception.Message);
            Assert.Contains("given twice", r.Errors[1].Exception.Message);
            Assert.Contains("There is no contact field tab 'Nowhere'. There are: Info", r.Errors[2].Exception.Message);
            Assert.Equal("Nimble.ContactFieldTabNotFound,CrmTools.Nimble.NewNimbleContactFieldCommand", r.Errors[2].FullyQualifiedErrorId);
            Assert.Contains("not both", r.Errors[3].Exception.Message);
            Assert.Contains("not both", r.Errors[4].Exception.Message);
            Assert.Contains("-Tab", r.Errors[5].Exception.Message);
            Assert.DoesNotContain(Sandbox.Control.Requests, q => q.Method != "GET" && q.Path.Contains("/fields"));
        }

        [Fact]
        public void The_service_refusing_a_standard_field_change_is_an_error_naming_the_field()
        {
            var r = RunConnected("Set-NimbleContactField -Field 'first name' -NewName 'Given name'");
            var error = Assert.Single(r.Errors);
            Assert.Contains("first name", error.Exception.Message);
            Assert.StartsWith("Nimble.ValidationFailed", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Pipeline_fields_groups_and_choices_are_managed_and_deal_values_follow()
        {
            var r = RunConnected(@"
                $g = New-NimblePipelineFieldGroup -Pipeline 'Sales Pipeline' -Name Contract
                $f = New-NimblePipelineField -Pipeline 'Sales Pipeline' -Name 'Contract type' -Group Contract -Kind Choice -Choice Annual, Monthly
                $d = New-NimblePipelineField -Pipeline 'Sales Pipeline' -Name 'Signed on' -Kind DateTime -DateOnly
                $g.Name; $f.PipelineName; $f.Group; $f.Choices -join ','; $d.Kind
                (New-NimblePipelineFieldChoice -Pipeline 'Sales Pipeline' -Field 'Contract type' -Value Quarterly).Choices -join ','
                (Set-NimblePipelineFieldChoice -Pipeline 'Sales Pipeline' -Field 'Contract type' -Choice Monthly -NewValue 'Month to month').Choices -join ','
                (Set-NimblePipelineField -Pipeline 'Sales Pipeline' -Field 'Signed on' -NewName 'Signed' -Group Contract).Group
                (Get-NimblePipelineFieldGroup -Pipeline 'Sales Pipeline').Fields -join ','
                $deal = New-NimbleDeal -Name 'Acme yearly' -Pipeline 'Sales Pipeline' -Stage Proposal -Field @{ 'Contract type' = 'Annual' }
                Remove-NimblePipelineField -Pipeline 'Sales Pipeline' -Field 'Contract type' -Force
                Remove-NimblePipelineField -Pipeline 'Sales Pipeline' -Field 'Contract type' -DeleteValues -Force
                Get-NimblePipelineField -Pipeline 'Sales Pipeline' | Remove-NimblePipelineField -Force
                Remove-NimblePipelineFieldGroup -Pipeline 'Sales Pipeline' -Group Contract -Force
                @(Get-NimblePipelineField -Pipeline 'Sales Pipeline').Count
                (Get-NimblePipelineField -IncludeStandard | Where-Object IsStandard).Name -contains 'amount'");
            Assert.Equal(new object[]
            {
                "Contract", "Sales Pipeline", "Contract", "Annual,Monthly", "datetime", "Annual,Monthly,Quarterly", "Annual,Month to month,Quarterly",
                "Contract", "Contract type,Signed", 0, true,
            }, r.Objects.ToArray());
            var error = Assert.Single(r.Errors);
            Assert.Equal(406, ((CrmApiException)error.Exception).StatusCode);
            Assert.Contains("Contract type", error.Exception.Message);

            var requests = Sandbox.Control.Requests.Where(q => q.Path.Contains("/api/v2/deals/pipelines/") && q.Method != "GET").ToList();
            var createField = JsonDocument.Parse(requests.First(q => q.Method == "POST" && q.Path.EndsWith("/fields")).Body).RootElement;
            Assert.Equal("Contract type", createField.GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(createField.GetProperty("pipeline_id").GetString()));
            Assert.Equal(JsonValueKind.Null, createField.GetProperty("presentation").ValueKind);
            Assert.Equal(JsonValueKind.Null, createField.GetProperty("insert_after").ValueKind);
            var dateField = JsonDocument.Parse(requests.Where(q => q.Method == "POST" && q.Path.EndsWith("/fields")).ElementAt(1).Body).RootElement;
            Assert.True(dateField.GetProperty("presentation").GetProperty("ignore_specific_time").GetBoolean());
            Assert.False(dateField.TryGetProperty("group_id", out _));
            var choice = JsonDocument.Parse(requests.Single(q => q.Method == "POST" && q.Path.EndsWith("/choices")).Body).RootElement;
            Assert.Equal("3", choice.GetProperty("choice").GetProperty("id").GetString());
            Assert.Equal("Quarterly", choice.GetProperty("choice").GetProperty("value").GetString());
            Assert.Equal("2", choice.GetProperty("insert_after").GetString());
            var deletes = requests.Where(q => q.Method == "DELETE" && q.Path.Contains("/fields/")).ToList();
            Assert.Contains("\"preflight_checks\":true", deletes[0].Body);
            Assert.Contains("\"preflight_checks\":false", deletes[1].Body);
        }

        [Fact]
        public void Fields_are_created_in_bulk_from_the_pipeline_with_each_failure_reported_for_its_item_and_removed_the_same_way()
        {
            var r = RunConnected(@"
                $rows = @(
                    [pscustomobject]@{ Name = 'Shoe size'; Kind = 'Number'; Tab = 'Info' }
                    [pscustomobject]@{ Name = 'Colour'; Kind = 'Choice'; Choice = @('Red', 'Blue'); Tab = 'Info'; Group = 'Lead Details' }
                    [pscustomobject]@{ Name = 'Lost'; Tab = 'Nowhere' }
                    [pscustomobject]@{ Name = 'Boots'; Kind = 'Boolean'; Tab = 'Info' })
                ($rows | New-NimbleContactField).Name -join ','
                (Get-NimbleContactField -Name 'Shoe size', 'Colour', 'Boots').Group -join ','
                Get-NimbleContactField -Name 'Shoe size', 'Colour', 'Boots' | Remove-NimbleContactField -Force
                @(Get-NimbleContactField -Name 'Shoe size', 'Colour', 'Boots').Count");
            Assert.Equal(new object[] { "Shoe size,Colour,Boots", "Lead Details,,", 0 }, r.Objects.ToArray());
            var error = Assert.Single(r.Errors);
            Assert.Equal("Lost", error.TargetObject);
            Assert.Equal(3, Count("/api/v1/contacts/fields", "POST"));
            Assert.Equal(3, Count("/api/v1/contacts/fields/", "DELETE"));
        }

        [Fact]
        public void A_value_is_marked_primary_by_text_or_position_and_the_mark_removed()
        {
            var r = RunConnected(@"
                $c = New-NimbleContact -FirstName Ada -Email 'ada@home.example', 'ada@work.example'
                $u = Set-NimbleContactPrimaryValue -ContactId $c.Id -Field email -Value 'ADA@work.example'
                ($u.Values('email') | Where-Object IsPrimary).Value
                $c | Set-NimbleContactPrimaryValue -Field email -Position 0 | ForEach-Object { ($_.Values('email') | Where-Object IsPrimary).Value }
                $u = Set-NimbleContactPrimaryValue -ContactId $c.Id -Field email -Position 0 -Clear
                @($u.Values('email') | Where-Object IsPrimary).Count
                Set-NimbleContactPrimaryValue -ContactId $c.Id -Field email -Value 'nobody@example.com'
                Set-NimbleContactPrimaryValue -ContactId $c.Id -Field email -Position 2");
            Assert.Equal(new object[] { "ada@work.example", "ada@home.example", 0 }, r.Objects.ToArray());
            Assert.Equal(2, r.Errors.Count);
            Assert.Contains("ada@home.example, ada@work.example", r.Errors[0].Exception.Message);
            Assert.Contains("positions 0 to 1", r.Errors[1].Exception.Message);
            var marks = Sandbox.Control.Requests.Where(q => q.Path.EndsWith("/field")).ToList();
            Assert.Equal(new[] { "PUT", "PUT", "DELETE" }, marks.Select(q => q.Method));
            var first = JsonDocument.Parse(marks[0].Body!).RootElement;
            Assert.Equal(1, first.GetProperty("position").GetInt32());
            Assert.Equal("5049f697a694620a07000065", first.GetProperty("field_id").GetString());
        }

        [Fact]
        public void A_field_moved_to_another_tab_leaves_its_group_and_goes_last()
        {
            var r = RunConnected(@"
                $null = New-NimbleContactFieldTab -Name Side
                $null = New-NimbleContactFieldGroup -Name Box -Tab Side
                $null = New-NimbleContactField -Name Shelf -Group Box
                $f = Set-NimbleContactField -Field Shelf -Tab Info
                $f.Tab; $f.GroupId -eq $null").EnsureSuccess();
            Assert.Equal(new object[] { "Info", true }, r.Objects.ToArray());
            var move = JsonDocument.Parse(Sandbox.Control.Requests.Single(q => q.Method == "PUT" && q.Path.Contains("/api/v1/contacts/fields/")).Body!).RootElement;
            Assert.Equal(InfoTab, move.GetProperty("tab_id").GetString());
            Assert.Equal(JsonValueKind.Null, move.GetProperty("group_id").ValueKind);
            Assert.Equal("5049f696a694620a07000033", move.GetProperty("insert_after").GetString());
        }
    }
}
