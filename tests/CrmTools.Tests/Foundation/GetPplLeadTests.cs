using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    public class GetPplLeadTests : PplTestBase
    {
        public GetPplLeadTests(SandboxFixture fixture) : base(fixture) { }

        private static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

        [Fact]
        public void Lists_typed_leads_in_the_default_table_view()
        {
            var r = RunConnected("Get-PplLead -First 3; Get-PplLead -First 3 | Out-Default").EnsureSuccess();
            Assert.Equal(3, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("PplLead", o.BaseObject.GetType().Name));
            foreach (var header in new[] { "Id", "Title", "Status", "Step", "Amount", "Currency", "Owner", "UpdatedAt" })
            {
                Assert.Contains(header, r.HostText);
            }
            Assert.Contains(P<string>(r.Output[0], "Title").Substring(0, 5), r.HostText);
        }

        [Fact]
        public void Every_filter_goes_on_the_query_string()
        {
            RunConnected(@"Get-PplLead -Status todo,standby -Step 'In-touch' -Starred -UserId stef@example.com -Email a@b.c `
                -FieldKey Phone -FieldValue 123 -Tag vip,US -UpdatedAfter ([datetime]::SpecifyKind('2026-03-04 02:58:14', 'Utc')) `
                -StartDate ([datetime]::SpecifyKind('2026-01-01', 'Utc')) -EndDate ([datetime]::SpecifyKind('2026-02-01', 'Utc')) -DateRangeType update `
                -IncludeUnassigned -OrderBy last_update -Direction asc -PageSize 50 -First 10");
            var query = Uri.UnescapeDataString(Sandbox.Control.Requests.Last(q => q.Path.EndsWith("/leads")).Query);
            foreach (var expected in new[]
            {
                "status=todo,standby", "step=In-touch", "starred=true", "user_id=stef@example.com", "email=a@b.c", "field_key=Phone",
                "field_value=123", "tags=vip,US", "updated_after=2026-03-04T02:58:14Z", "start_date=2026-01-01T00:00:00Z",
                "end_date=2026-02-01T00:00:00Z", "date_range_type=update", "include_unassigned=true", "order=last_update",
                "direction=asc", "limit=10", "offset=0",
            })
            {
                Assert.Contains(expected, query);
            }
        }

        [Fact]
        public void Filters_select_what_the_service_returns()
        {
            var r = RunConnected("Get-PplLead -Status won -First 500").EnsureSuccess();
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, o => Assert.Equal("won", P<string>(o, "Status"), ignoreCase: true));
        }

        [Fact]
        public void Pages_across_boundaries_with_skip_first_and_page_size()
        {
            var all = RunConnected("Get-PplLead -OrderBy id -Direction asc -First 60").EnsureSuccess().Output.Select(o => P<long>(o, "Id")).ToList();
            Sandbox.Control.ResetRequestLog();
            var paged = Run("Get-PplLead -OrderBy id -Direction asc -Skip 5 -First 25 -PageSize 10").EnsureSuccess().Output.Select(o => P<long>(o, "Id")).ToList();
            Assert.Equal(all.Skip(5).Take(25), paged);
            var offsets = Sandbox.Control.Requests.Where(q => q.Path.EndsWith("/leads")).Select(q => q.Query).ToList();
            Assert.Equal(3, offsets.Count);
            Assert.Contains(offsets, q => q.Contains("offset=5") && q.Contains("limit=10"));
            Assert.Contains(offsets, q => q.Contains("offset=15") && q.Contains("limit=10"));
            Assert.Contains(offsets, q => q.Contains("offset=25") && q.Contains("limit=5"));
        }

        [Fact]
        public void Reads_every_lead_once_when_listing_everything()
        {
            var r = RunConnected(@"$all = Get-PplLead -IncludeUnassigned -PageSize 100
                $ids = [System.Collections.Generic.HashSet[long]]::new(); $all | ForEach-Object { [void]$ids.Add($_.Id) }
                $all.Count; $ids.Count").EnsureSuccess();
            Assert.Equal(Sandbox.Ppl.LeadCount, (int)r.Output[0].BaseObject);
            Assert.Equal(Sandbox.Ppl.LeadCount, (int)r.Output[1].BaseObject);
        }

        [Fact]
        public void First_stops_requests_early()
        {
            RunConnected("Get-PplLead -First 5").EnsureSuccess();
            Assert.Equal(1, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void A_downstream_stop_stops_further_requests()
        {
            var r = RunConnected("$n = 0; Get-PplLead | ForEach-Object { $n++; if ($n -eq 5) { throw 'enough' } }");
            var error = Assert.Single(r.Errors);
            Assert.Equal("enough", error.Exception.Message);
            Assert.Equal(1, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void Include_total_count_reports_the_service_total()
        {
            var r = RunConnected("Get-PplLead -Status todo -First 2 -IncludeTotalCount").EnsureSuccess();
            Assert.Equal(3, r.Output.Count);
            // PagingParameters.NewTotalCount: the total as a number that prints as "Total count: N".
            Assert.True(System.Convert.ToUInt64(r.Output[0].BaseObject) > 2);
        }

        [Fact]
        public void By_id_from_the_pipeline_with_full_details()
        {
            var r = RunConnected("Get-PplLead -First 2 | Get-PplLead").EnsureSuccess();
            Assert.Equal(2, r.Output.Count);
            Assert.All(r.Output, o => Assert.NotNull(o.Properties["ExtendedInfo"].Value));
        }

        [Fact]
        public void A_missing_lead_is_a_non_terminating_not_found_and_the_rest_go_on()
        {
            var first = (long)RunConnected("(Get-PplLead -First 1).Id").EnsureSuccess().Output[0].BaseObject;
            var r = Run("$ids = @($first, 999999, $first); $ids | Get-PplLead", new() { ["first"] = first });
            Assert.False(r.Terminated);
            Assert.Equal(2, r.Output.Count);
            var error = Assert.Single(r.Errors);
            Assert.Equal("Ppl.LeadNotFound,CrmTools.ProPipelines.GetPplLeadCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(999999L, error.TargetObject);
            Assert.Contains("Entry not found", error.Exception.Message);
            Assert.Contains("404", error.Exception.Message);
        }

        [Theory]
        [InlineData("Get-PplLead -FieldKey Phone")]
        [InlineData("Get-PplLead -StartDate 2026-02-01 -EndDate 2026-01-01")]
        [InlineData("Get-PplLead -DateRangeType closed")]
        public void Bad_input_is_rejected_before_any_request(string script)
        {
            var r = RunConnected(script);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Ppl.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(0, Sandbox.Control.CountRequests("/leads"));
        }

        [Theory]
        [InlineData("Get-PplLead -Status nope")]
        [InlineData("Get-PplLead -PageSize 101")]
        [InlineData("Get-PplLead -OrderBy colour")]
        public void Closed_sets_are_validated_by_parameter_binding(string script)
        {
            var r = RunConnected(script);
            Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError"));
            Assert.Equal(0, Sandbox.Control.CountRequests("/leads"));
        }

        [Fact]
        public void Unassigned_lists_only_leads_without_owner()
        {
            var r = RunConnected("Get-PplLead -Unassigned -First 50").EnsureSuccess();
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, o => Assert.Null(o.Properties["UserId"].Value));
            Assert.True(Sandbox.Control.CountRequests("/leads/unassigned") >= 1);
        }
    }
}
