using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    public class GetLimeCrmObjectTests : LimeCrmTestBase
    {
        public GetLimeCrmObjectTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void Lists_objects_with_their_properties_as_PowerShell_properties()
        {
            var r = RunConnected("Get-LimeCrmObject person -First 3").EnsureSuccess();

            Assert.Equal(3, r.Output.Count);
            var anna = r.Output[0];
            var limeObject = Assert.IsType<LimeObject>(anna.BaseObject);
            Assert.Equal("person", limeObject.Limetype);
            Assert.Equal("Anna", P<string>(anna, "firstname"));
            Assert.Equal("anna.berg@acme.example", P<string>(anna, "email"));
            Assert.Equal(1001L, P<long>(anna, "company"));
            Assert.IsType<bool>(anna.Properties["inactive"].Value);
            Assert.Equal("Anna Berg", P<string>(anna, "Descriptive"));
            Assert.NotNull(P<DateTimeOffset?>(anna, "Timestamp"));
            Assert.Equal("CrmTools.Engine.LimeCrm.LimeObject#person", anna.TypeNames[0]);
            Assert.Contains("CrmTools.Engine.LimeCrm.LimeObject", anna.TypeNames);
        }

        [Fact]
        public void Values_are_typed_by_the_metadata()
        {
            var r = RunConnected("Get-LimeCrmObject company 1001; Get-LimeCrmObject deal -First 1; Get-LimeCrmObject history -First 1").EnsureSuccess();

            var company = r.Output[0];
            var status = Assert.IsType<LimeOption>(company.Properties["buyingstatus"].Value);
            Assert.Equal("active", status.Key);
            Assert.Equal("Active customer", status.Text);
            Assert.IsType<LimeOption[]>(company.Properties["categories"].Value);
            var deal = r.Output[1];
            Assert.IsType<decimal>(deal.Properties["value"].Value);
            Assert.IsType<decimal>(deal.Properties["probability"].Value);
            Assert.IsType<DateTimeOffset>(r.Output[2].Properties["date"].Value);
        }

        [Fact]
        public void Where_Object_and_ForEach_Object_work_on_the_values_and_options_compare_by_key()
        {
            var r = RunConnected(@"
                $all = Get-LimeCrmObject company -PageSize 500
                @($all | Where-Object buyingstatus -eq 'active').Count
                @($all | Where-Object { $_.buyingstatus.Key -eq 'active' }).Count
                ,@($all | Where-Object country -eq 'Sweden' | ForEach-Object name)").EnsureSuccess();

            Assert.Equal((int)r.Output[1].BaseObject, (int)r.Output[0].BaseObject);
            Assert.True((int)r.Output[0].BaseObject > 0);
            var swedish = ((object[])r.Output[2].BaseObject).Select(o => (string)(o is PSObject p ? p.BaseObject : o)).ToList();
            Assert.Contains("Acme AB", swedish);
            Assert.Equal(Lime.Objects("company").Count(c => (string?)c["country"] == "Sweden"), swedish.Count);
        }

        [Fact]
        public void Pages_by_following_the_next_links()
        {
            var r = RunConnected("Get-LimeCrmObject person -PageSize 7 -Skip 3 -First 20 | ForEach-Object Id").EnsureSuccess();

            var ids = r.Output.Select(o => (long)o.BaseObject).ToList();
            var expected = Lime.Objects("person").Select(p => (long)p["_id"]!).Skip(3).Take(20).ToList();
            Assert.Equal(expected, ids);
            var pages = LimeRequests("/limeobject/person/", "GET");
            Assert.Equal(3, pages.Count);
            Assert.Contains("_limit=7", pages[0].Query);
            Assert.Contains("_offset=3", pages[0].Query);
            Assert.Contains("_offset=10", pages[1].Query);
            Assert.Contains("_offset=17", pages[2].Query);
            Assert.All(pages, p => Assert.Equal("application/hal+json", p.Headers["Accept"]));
        }

        [Fact]
        public void Reads_every_object_once_when_listing_everything()
        {
            var r = RunConnected(@"
                $ids = [System.Collections.Generic.HashSet[long]]::new(); $n = 0
                Get-LimeCrmObject person -PageSize 30 | ForEach-Object { $n++; [void]$ids.Add($_.Id) }
                $n; $ids.Count").EnsureSuccess();

            Assert.Equal(Lime.Count("person"), (int)r.Output[0].BaseObject);
            Assert.Equal(Lime.Count("person"), (int)r.Output[1].BaseObject);
            Assert.Equal((Lime.Count("person") + 29) / 30, LimeRequests("/limeobject/person/").Count);
        }

        [Fact]
        public void First_and_a_downstream_stop_send_no_further_requests()
        {
            RunConnected("Get-LimeCrmObject person -First 5").EnsureSuccess();
            Assert.Single(LimeRequests("/limeobject/person/"));

            Sandbox.Control.ResetRequestLog();
            var r = Run("$n = 0; Get-LimeCrmObject person -PageSize 50 | ForEach-Object { $n++; if ($n -eq 3) { throw 'enough' } }");
            Assert.Equal("enough", Assert.Single(r.Errors).Exception.Message);
            Assert.Single(LimeRequests("/limeobject/person/"));
        }

        [Fact]
        public void Filters_and_sort_go_on_the_query_string_and_select_what_the_service_returns()
        {
            var r = RunConnected(@"Get-LimeCrmObject company -Filter @{ buyingstatus = 'active', 'prospect'; 'not-country' = 'Spain'; 'min-_id' = 1005 } -Sort name, '-_id'").EnsureSuccess();

            var query = Uri.UnescapeDataString(LimeRequests("/limeobject/company/").Single().Query);
            foreach (var part in new[] { "buyingstatus=active", "buyingstatus=prospect", "not-country=Spain", "min-_id=1005", "_sort=name,-_id", "_limit=100" })
            {
                Assert.Contains(part, query);
            }
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, o =>
            {
                Assert.Contains(((LimeOption)o.Properties["buyingstatus"].Value).Key, new[] { "active", "prospect" });
                Assert.NotEqual("Spain", P<string>(o, "country"));
                Assert.True(P<long>(o, "Id") >= 1005);
            });
            var names = r.Output.Select(o => P<string>(o, "name")).ToList();
            Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), names);
        }

        [Fact]
        public void Date_ranges_filter_on_times()
        {
            var r = RunConnected(@"Get-LimeCrmObject history -Filter @{ 'min-date' = '2025-06-01T00:00:00Z'; 'max-date' = [datetimeoffset]'2025-09-01T00:00:00Z' } -Sort '-date'").EnsureSuccess();

            Assert.NotEmpty(r.Output);
            var dates = r.Output.Select(o => P<DateTimeOffset>(o, "date")).ToList();
            Assert.All(dates, d => Assert.InRange(d, DateTimeOffset.Parse("2025-06-01T00:00:00Z"), DateTimeOffset.Parse("2025-09-01T00:00:00Z")));
            Assert.Equal(dates.OrderByDescending(d => d).ToList(), dates);
        }

        [Fact]
        public void By_id_from_the_pipeline_with_a_missing_id_as_a_non_terminating_error()
        {
            var r = RunConnected("1041, 999999, 1042 | Get-LimeCrmObject person");

            Assert.False(r.Terminated);
            Assert.Equal(new[] { 1041L, 1042L }, r.Output.Select(o => P<long>(o, "Id")));
            var error = Assert.Single(r.Errors);
            Assert.Equal("LimeCrm.ObjectNotFound,CrmTools.LimeCrm.GetLimeCrmObjectCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(999999L, error.TargetObject);
            Assert.Contains("404", error.Exception.Message);
        }

        [Fact]
        public void Objects_piped_back_bind_by_limetype_and_id()
        {
            var r = RunConnected("Get-LimeCrmObject person -First 2 | Get-LimeCrmObject").EnsureSuccess();

            Assert.Equal(new[] { 1041L, 1042L }, r.Output.Select(o => P<long>(o, "Id")));
        }

        [Theory]
        [InlineData("Get-LimeCrmObject person -Filter @{ colour = 'red' }", "LimeCrm.UnknownProperty", "colour")]
        [InlineData("Get-LimeCrmObject company -Filter @{ buyingstatus = 'hot' }", "LimeCrm.OptionNotAllowed", "active")]
        [InlineData("Get-LimeCrmObject person -Filter @{ 'min-email' = 'a' }", "LimeCrm.InvalidFilter", "person.email")]
        [InlineData("Get-LimeCrmObject person -Filter @{ company = 'soon' }", "LimeCrm.InvalidFilter", "person.company")]
        [InlineData("Get-LimeCrmObject person -Sort shoesize", "LimeCrm.UnknownProperty", "shoesize")]
        [InlineData("Get-LimeCrmObject deal -Filter @{ 'min-value' = 'lots' }", "LimeCrm.InvalidPropertyValue", "deal.value")]
        public void Bad_filters_are_rejected_before_any_object_is_requested(string script, string errorId, string named)
        {
            var r = RunConnected(script);

            var error = Assert.Single(r.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(named, error.Exception.Message);
            Assert.Empty(LimeRequests("/limeobject/"));
        }

        [Fact]
        public void An_unknown_limetype_names_the_limetypes_there_are()
        {
            var r = RunConnected("Get-LimeCrmObject persn -First 1");

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.LimetypeNotFound,", error.FullyQualifiedErrorId);
            Assert.Contains("persn", error.Exception.Message);
            Assert.Contains("person, deal, history", error.Exception.Message);
        }

        [Fact]
        public void Each_standard_limetype_has_a_default_table_view()
        {
            var r = RunConnected(@"
                Get-LimeCrmObject person -First 2 | Out-Default
                Get-LimeCrmObject company -First 2 | Out-Default
                Get-LimeCrmObject history -First 2 | Out-Default").EnsureSuccess();

            foreach (var header in new[] { "Email", "Position", "BuyingStatus", "City", "Note", "Person" }) Assert.Contains(header, r.HostText);
            Assert.Contains("anna.berg@acme.example", r.HostText);
            Assert.Contains("Active customer", r.HostText);
        }
    }
}
