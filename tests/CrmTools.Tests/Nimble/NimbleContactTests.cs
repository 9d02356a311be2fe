using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    public class NimbleContactTests : NimbleTestBase
    {
        public NimbleContactTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed();
        }

        [Fact]
        public void A_contact_created_with_every_common_field_round_trips()
        {
            var r = RunConnected(@"
                $c = New-NimbleContact -FirstName 'Zoë' -LastName 'Ångström' -CompanyName 'Acme Corp' -Title 'CTO' `
                    -Email zoe@acme.example, z@home.example -Phone '+1 801 555 0100' -PhoneModifier mobile `
                    -Address @{ street = '1 Main St.'; city = 'Oslo'; zip = '0150'; country = 'Norway' } `
                    -Tag vip, 'best,premium' -Field @{ 'lead status' = 'Qualified'; URL = @{ value = 'https://acme.example'; modifier = 'work' } }
                Get-NimbleContact -Id $c.Id").EnsureSuccess();
            var contact = (NimbleContact)r.Output.Single().BaseObject;
            Assert.Equal("person", contact.RecordType);
            Assert.Equal("Zoë", contact.FirstName);
            Assert.Equal("Ångström", contact.LastName);
            Assert.Equal("Zoë Ångström", contact.Name);
            Assert.Equal("Acme Corp", contact.CompanyName);
            Assert.Equal("CTO", contact.Title);
            Assert.Equal(new[] { "zoe@acme.example", "z@home.example" }, contact.Values("email").Select(v => v.Value));
            Assert.All(contact.Values("email"), v => Assert.Equal("work", v.Modifier));
            Assert.Equal("mobile", contact.Values("phone").Single().Modifier);
            Assert.Contains("\"city\":\"Oslo\"", contact.Value("address"));
            Assert.Equal("Qualified", contact.Value("lead status"));
            Assert.Equal("https://acme.example", contact.Value("URL"));
            Assert.Equal(new[] { "vip", "best,premium" }, contact.Tags);
            var create = Sandbox.Control.Requests.Single(q => q.Method == "POST" && q.Path.EndsWith("/api/v1/contact"));
            Assert.Contains("\"tags\":\"vip,best\\\\,premium\"", create.Body);
        }

        [Fact]
        public void Update_extends_by_default_and_replaces_with_Replace_then_tags_are_set_and_the_contact_removed()
        {
            var r = RunConnected(@"
                $c = New-NimbleContact -FirstName Ann -Email a@x.example
                (Set-NimbleContact -Id $c.Id -Email b@x.example).Values('email').Count
                (Set-NimbleContact -Id $c.Id -Email c@x.example -Replace).Values('email').Value
                ($c | Set-NimbleContactTag -Tag one, two).Tags -join '|'
                $c | Remove-NimbleContact -Confirm:$false
                Get-NimbleContact -Id $c.Id -ErrorAction SilentlyContinue -ErrorVariable missing
                $missing[0].FullyQualifiedErrorId").EnsureSuccess();
            Assert.Equal(new object[] { 2, "c@x.example", "one|two" }, r.Objects.Take(3).ToArray());
            Assert.StartsWith("Nimble.ContactNotFound", (string)r.Objects.Last());
            Assert.Contains(Sandbox.Control.Requests, q => q.Method == "PUT" && q.Query.Contains("type=1"));
        }

        [Fact]
        public void Get_by_ids_batches_thirty_ids_a_request_and_reports_each_missing_id()
        {
            var r = RunConnected(@"
                $ids = @(Get-NimbleContact -IdOnly -First 65)
                $Sandbox.Control.ResetRequestLog()
                $found = @(($ids + 'ffffffffffffffffffffffff') | Get-NimbleContact -ErrorVariable e -ErrorAction SilentlyContinue)
                $found.Count; $e.Count; $e[0].TargetObject; $e[0].FullyQualifiedErrorId");
            Assert.Equal(65, r.Objects.ElementAt(0));
            Assert.Equal(1, r.Objects.ElementAt(1));
            Assert.Equal("ffffffffffffffffffffffff", r.Objects.ElementAt(2));
            Assert.StartsWith("Nimble.ContactNotFound", (string)r.Objects.ElementAt(3));
            var batches = Sandbox.Control.Requests.Where(q => q.Method == "GET" && q.Path.EndsWith("/api/v1/contact")).ToList();
            Assert.Equal(3, batches.Count);
            Assert.Equal(new[] { 30, 30, 6 }, batches.Select(b => Uri.UnescapeDataString(b.Query).Split('=')[1].Split('&')[0].Split(',').Length));
        }

        [Fact]
        public void The_search_streams_pages_and_stops_requesting_after_First()
        {
            var r = RunConnected(@"
                $Sandbox.Control.ResetRequestLog()
                @(Get-NimbleContact -PageSize 20 -First 25).Count").EnsureSuccess();
            Assert.Equal(25, r.Objects.Single());
            Assert.Equal(2, Count("/api/v1/contacts", "GET"));
        }

        [Fact]
        public void The_advanced_query_is_sent_as_json_and_combines_tags_and_record_type()
        {
            var r = RunConnected(@"
                $q = @{ or = @( @{ 'first name' = @{ is = 'Zoë' } }, @{ 'first name' = @{ starts_with = 'Ma' } } ) }
                $found = @(Get-NimbleContact -Query $q -Tag vip -RecordType person)
                $found.Count -gt 0
                @($found | Where-Object { $_.Tags -notcontains 'vip' -or ($_.FirstName -ne 'Zoë' -and -not $_.FirstName.StartsWith('Ma')) }).Count").EnsureSuccess();
            Assert.Equal(new object[] { true, 0 }, r.Objects.ToArray());
            var sent = Sandbox.Control.Requests.Last(q => q.Path.EndsWith("/api/v1/contacts"));
            var query = Uri.UnescapeDataString(sent.Query);
            Assert.Contains("\"record type\":{\"is\":\"person\"}", query);
            Assert.Contains("\"tag\":{\"is\":\"vip\"}", query);
            Assert.DoesNotContain("record_type=", query);
        }

        [Fact]
        public void Documented_query_rules_fail_before_any_request()
        {
            var r = RunConnected(@"
                $Sandbox.Control.ResetRequestLog()
                Get-NimbleContact -Keyword ann -Tag vip
                Get-NimbleContact -Query @{ email = @{ like = 'x' } }
                Get-NimbleContact -Query @{ and = @(1..12 | ForEach-Object { @{ 'first name' = @{ is = ""n$_"" } } }) }
                Remove-NimbleContact -RecordType all -Force");
            Assert.Equal(4, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.StartsWith("Nimble.InvalidArgument", e.FullyQualifiedErrorId));
            Assert.Contains("not both", r.Errors[0].Exception.Message);
            Assert.Contains("'like'", r.Errors[1].Exception.Message);
            Assert.Contains("at most 11", r.Errors[2].Exception.Message);
            Assert.Equal(0, Count("/api/v1/contact"));
        }

        [Fact]
        public void Remove_by_query_says_how_many_with_WhatIf_and_deletes_them_when_confirmed()
        {
            var before = Nimble.ContactCount;
            var r = RunConnected(@"
                Remove-NimbleContact -Tag newsletter -WhatIf
                $removed = Remove-NimbleContact -Tag newsletter -Confirm:$false
                $removed.Count
                @(Get-NimbleContact -Tag newsletter).Count").EnsureSuccess();
            var removed = (int)r.Objects.First();
            Assert.True(removed > 0);
            Assert.Equal(0, r.Objects.Last());
            Assert.Equal(before - removed, Nimble.ContactCount);
            Assert.Contains($"{removed} contact(s) matching tag newsletter", r.HostText);
            Assert.Equal(1, Count("/api/v1/contacts", "DELETE"));
        }

        [Fact]
        public void Contacts_import_from_objects_by_property_name_but_a_piped_contact_does_not_write_itself_back()
        {
            var r = RunConnected(@"
                $rows = @([pscustomobject]@{ FirstName = 'Imp'; LastName = 'One'; Email = 'imp1@x.example'; Tag = 'csv' },
                          [pscustomobject]@{ CompanyName = 'Imported Ltd'; RecordType = 'company' })
                $made = @($rows | New-NimbleContact)
                $made.Count
                $Sandbox.Control.ResetRequestLog()
                $null = $made[0] | Set-NimbleContact -Title 'Buyer' -Replace").EnsureSuccess();
            Assert.Equal(2, r.Objects.Single());
            var put = Sandbox.Control.Requests.Single(q => q.Method == "PUT");
            Assert.Equal("{\"fields\":{\"title\":[{\"value\":\"Buyer\",\"modifier\":\"\"}]}}", put.Body);
        }

        [Fact]
        public void The_fields_metadata_lists_modifiers_kinds_and_choices()
        {
            var r = RunConnected(@"
                (Get-NimbleContactField -Name email | ForEach-Object Modifier) -join ','
                (Get-NimbleContactField -Name 'lead status').Choices -join ','
                (Get-NimbleContactField -Name 'first name').Group").EnsureSuccess();
            Assert.Equal(new object[] { "work,personal,other", "Open,Contacted,Qualified,Unqualified", "Basic Info" }, r.Objects.ToArray());
        }

        [Fact]
        public void Each_documented_error_shape_becomes_a_clear_error_record()
        {
            Nimble.ContactLimit = Nimble.ContactCount;
            var r = RunConnected(@"
                New-NimbleContact -LastName Quota
                $Sandbox.Nimble.ContactLimit = $null
                New-NimbleContact -FirstName Bad -Email not-an-address -Field @{ 'no such field' = 'x' }
                Set-NimbleContact -Id 0123456789abcdef01234567 -Title x
                New-NimbleContact -FirstName Ok");
            Assert.Equal(3, r.Errors.Count);

            var quota = r.Errors[0];
            Assert.StartsWith("Nimble.QuotaExceeded", quota.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.QuotaExceeded, quota.CategoryInfo.Category);
            Assert.Contains("maximum number of contact records", quota.Exception.Message);
            Assert.Contains("[108]", quota.Exception.Message);

            var validation = r.Errors[1];
            Assert.StartsWith("Nimble.ValidationFailed", validation.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, validation.CategoryInfo.Category);
            Assert.Contains("email: 'not-an-address' is not a valid e-mail address", validation.Exception.Message);
            Assert.Contains("no such field: Unknown field.", validation.Exception.Message);
            var fields = (IDictionary<string, string>)validation.Exception.Data["FieldErrors"]!;
            Assert.Equal(new[] { "email", "no such field" }, fields.Keys.OrderBy(k => k));

            var missing = r.Errors[2];
            Assert.StartsWith("Nimble.ContactNotFound", missing.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
            Assert.Equal("0123456789abcdef01234567", missing.TargetObject);
            Assert.Single(r.Output);
        }
    }
}
