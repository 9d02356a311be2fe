using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeGo
{
    /// <summary>Deals, organizations and coworkers through GraphQL, and Invoke-LimeGoGraphQL.</summary>
    public class GraphQLTests : LimeGoTestBase
    {
        public GraphQLTests(SandboxFixture fixture) : base(fixture) { }

        private IEnumerable<string> GraphQLBodies() =>
            Sandbox.Control.Requests.Where(q => q.Path.EndsWith("/v1/graphql")).Select(q => q.Body ?? "");

        [Fact]
        public void Set_LimeGoDeal_changes_status_and_coworker_in_the_service_and_raises_its_events()
        {
            var r = RunConnected("Set-LimeGoDeal -Id 1001 -Status order -ResponsibleCoworker maja.holm@example.se -PassThru").EnsureSuccess();
            var deal = LimeGo.GetDeal(1001)!;
            Assert.Equal("ORDER", deal.State);
            Assert.Equal(5, deal.ResponsibleCoworkerId);
            Assert.Equal("ORDER", P<string>(r.Output.Single(), "Status"));
            var feed = Run("Get-LimeGoFeed -SpoolPath $Spool").EnsureSuccess();
            Assert.Equal(new[] { "DealStatusChange", "DealWon" }, feed.Output.Select(o => P<string>(o, "EventType")));
            Assert.All(feed.Output, o => Assert.Equal(1001L, P<long?>(o, "DealId")));
        }

        [Fact]
        public void Set_LimeGoOrganization_changes_relation_and_coworker_from_the_pipeline()
        {
            var r = RunConnected("101, 102 | Set-LimeGoOrganization -Relation WAS_A_CUSTOMER -ResponsibleCoworker 'Johan Ek' -PassThru").EnsureSuccess();
            Assert.Equal(2, r.Output.Count);
            foreach (var id in new[] { 101, 102 })
            {
                var org = LimeGo.GetOrganization(id)!;
                Assert.Equal("WAS_A_CUSTOMER", org.State);
                Assert.Equal(7, org.ResponsibleCoworkerId);
            }
            Assert.Equal("WAS_A_CUSTOMER", P<string>(r.Output[0], "Relation"));
        }

        [Fact]
        public void WhatIf_changes_nothing_and_sends_no_mutation()
        {
            var before = LimeGo.GetDeal(1002)!.State;
            RunConnected("Set-LimeGoDeal -Id 1002 -Status LOST -WhatIf; Invoke-LimeGoGraphQL 'mutation { setDealStatus(id: 1002, status: LOST) { id } }' -WhatIf").EnsureSuccess();
            Assert.Equal(before, LimeGo.GetDeal(1002)!.State);
            Assert.DoesNotContain(GraphQLBodies(), b => b.Contains("mutation"));
        }

        [Fact]
        public void Invalid_values_fail_before_any_change_is_sent()
        {
            var status = Assert.Single(RunConnected("Set-LimeGoDeal -Id 1001 -Status WONDERFUL").Errors);
            Assert.Equal("LimeGo.InvalidArgument,CrmTools.LimeGo.SetLimeGoDealCommand", status.FullyQualifiedErrorId);
            Assert.Contains("ORDER", status.ToString());
            var relation = Assert.Single(Run("Set-LimeGoOrganization -Id 101 -Relation FRIEND").Errors);
            Assert.Equal("ParameterArgumentValidationError,CrmTools.LimeGo.SetLimeGoOrganizationCommand", relation.FullyQualifiedErrorId);
            var ambiguous = Assert.Single(Run("Set-LimeGoDeal -Id 1001 -ResponsibleCoworker 'Erik Lind'").Errors);
            Assert.Contains("erik.lind2@example.se", ambiguous.ToString());
            var unknown = Assert.Single(Run("Set-LimeGoDeal -Id 1001 -ResponsibleCoworker nobody@example.se").Errors);
            Assert.Equal("LimeGo.CoworkerNotFound,CrmTools.LimeGo.SetLimeGoDealCommand", unknown.FullyQualifiedErrorId);
            Assert.DoesNotContain(GraphQLBodies(), b => b.Contains("mutation"));
        }

        [Fact]
        public void A_missing_deal_is_a_non_terminating_error_and_the_rest_go_on()
        {
            var r = RunConnected("1001, 99999, 1003 | Get-LimeGoDeal");
            Assert.Equal(new long[] { 1001, 1003 }, r.Output.Select(o => P<long>(o, "Id")));
            var error = Assert.Single(r.Errors);
            Assert.Equal("LimeGo.DealNotFound,CrmTools.LimeGo.GetLimeGoDealCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(99999L, error.TargetObject);
        }

        [Fact]
        public void Lists_stream_in_pages_of_at_most_20_with_first_and_skip()
        {
            var all = RunConnected("Get-LimeGoDeal").EnsureSuccess().Output.Select(o => P<long>(o, "Id")).ToList();
            Assert.Equal(120, all.Count);
            Assert.All(GraphQLBodies().Where(b => b.Contains("Deals")), b => Assert.Contains("\"first\":20", b));
            Sandbox.Control.ResetRequestLog();
            var page = Run("Get-LimeGoDeal -Skip 5 -First 25 -PageSize 10").EnsureSuccess().Output.Select(o => P<long>(o, "Id")).ToList();
            Assert.Equal(all.Skip(5).Take(25), page);
            Assert.Equal(3, GraphQLBodies().Count(b => b.Contains("Deals")));
        }

        [Fact]
        public void Filters_select_deals_and_organizations()
        {
            var r = RunConnected(@"
                ,@(Get-LimeGoDeal -Query Nordic -Status proposal, ORDER)
                ,@(Get-LimeGoDeal -ResponsibleCoworker anna.svensson@example.se -First 3)
                ,@(Get-LimeGoOrganization -Relation IS_A_CUSTOMER, was_a_customer)
                ,@(Get-LimeGoOrganization -City Malmö -Tag vip)").EnsureSuccess();
            var deals = ((object[])r.Output[0].BaseObject).Cast<PSObject>().ToList();
            Assert.NotEmpty(deals);
            Assert.All(deals, d => Assert.Contains("Nordic", P<string>(d, "Name")));
            Assert.All(deals, d => Assert.Contains(P<string>(d, "Status"), new[] { "PROPOSAL", "ORDER" }));
            var annas = ((object[])r.Output[1].BaseObject).Cast<PSObject>().ToList();
            Assert.Equal(3, annas.Count);
            Assert.All(annas, d => Assert.Equal("Anna Svensson", ((CrmTools.Engine.LimeGo.Models.LimeGoDeal)d.BaseObject).ResponsibleCoworker!.Name));
            var customers = ((object[])r.Output[2].BaseObject).Cast<PSObject>().ToList();
            Assert.NotEmpty(customers);
            Assert.All(customers, o => Assert.Contains(P<string>(o, "Relation"), new[] { "IS_A_CUSTOMER", "WAS_A_CUSTOMER" }));
            var malmo = ((object[])r.Output[3].BaseObject).Cast<PSObject>().ToList();
            Assert.All(malmo, o => Assert.Equal("Malmö", P<string>(o, "City")));
        }

        [Fact]
        public void Coworkers_are_listed_and_filtered_with_wildcards()
        {
            var r = RunConnected("Get-LimeGoCoworker; '---'; Get-LimeGoCoworker -Name 'erik*'; '---'; Get-LimeGoCoworker -Email '*bjork*'").EnsureSuccess();
            var parts = Split(r.Output);
            Assert.Equal(8, parts[0].Count);
            Assert.Equal(new long?[] { 2, 6 }, parts[1].Select(o => P<long?>(o, "Id")));
            Assert.Equal("Karin Björk", P<string>(parts[2].Single(), "Name"));
        }

        [Fact]
        public void Invoke_LimeGoGraphQL_returns_data_as_objects_and_errors_as_records()
        {
            var r = RunConnected("Invoke-LimeGoGraphQL -Query 'query ($q: String!, $n: Int) { deals(query: $q, first: $n) { id name customer { name } } }' -Variables @{ q = 'Nordic'; n = 2 }").EnsureSuccess();
            var deals = (object[])P<object>(r.Output.Single(), "deals");
            Assert.Equal(2, deals.Length);
            var first = (PSObject)deals[0];
            Assert.Contains("Nordic", (string)first.Properties["name"].Value);
            Assert.Contains("Nordic", (string)((PSObject)first.Properties["customer"].Value).Properties["name"].Value);

            var bad = Run("Invoke-LimeGoGraphQL '{ deals(query: \"\") { nosuchfield } }'");
            var error = Assert.Single(bad.Errors);
            Assert.Equal("LimeGo.GraphQLError,CrmTools.LimeGo.InvokeLimeGoGraphQLCommand", error.FullyQualifiedErrorId);
            Assert.Contains("nosuchfield", error.ToString());

            var tooMany = Run("Invoke-LimeGoGraphQL '{ deals(query: \"\", first: 50) { id } }'");
            Assert.Contains("between 1 and 20", Assert.Single(tooMany.Errors).ToString());
        }

        [Fact]
        public void A_syntax_error_is_reported_before_anything_is_sent()
        {
            RunConnected("").EnsureSuccess();
            Sandbox.Control.ResetRequestLog();
            var r = Run("Invoke-LimeGoGraphQL '{ deals(query: ) { id }'");
            var error = Assert.Single(r.Errors);
            Assert.Equal("LimeGo.InvalidArgument,CrmTools.LimeGo.InvokeLimeGoGraphQLCommand", error.FullyQualifiedErrorId);
            Assert.Contains("line 1", error.ToString());
            Assert.Equal(0, Sandbox.Control.CountRequests());
        }

        [Fact]
        public void A_GraphQL_mutation_is_not_retried_after_a_timeout_but_a_query_is()
        {
            RunConnected("").EnsureSuccess();
            Sandbox.Control.ResetRequestLog();
            Sandbox.Control.InjectFault(new CrmTools.Sandbox.SandboxFault { PathContains = "/v1/graphql", Status = 504 });
            var mutation = Run("Invoke-LimeGoGraphQL 'mutation { setDealStatus(id: 1003, status: LOST) { id } }' -Confirm:$false");
            Assert.Single(mutation.Errors);
            Assert.Equal(1, Sandbox.Control.CountRequests("/v1/graphql"));

            Sandbox.Control.ResetRequestLog();
            Sandbox.Control.InjectFault(new CrmTools.Sandbox.SandboxFault { PathContains = "/v1/graphql", Status = 504 });
            var query = Run("Get-LimeGoDeal -Id 1003").EnsureSuccess();
            Assert.Single(query.Output);
            Assert.Equal(2, Sandbox.Control.CountRequests("/v1/graphql"));
        }

        [Fact]
        public void Deals_and_organizations_show_in_their_table_views()
        {
            var r = RunConnected("Get-LimeGoDeal -First 2 | Out-Default; Get-LimeGoOrganization -First 2 | Out-Default").EnsureSuccess();
            foreach (var header in new[] { "CustomerName", "Status", "ResponsibleCoworker", "Relation", "City" }) Assert.Contains(header, r.HostText);
        }

        private static List<List<PSObject>> Split(IReadOnlyList<PSObject> output)
        {
            var parts = new List<List<PSObject>> { new List<PSObject>() };
            foreach (var o in output)
            {
                if (o.BaseObject is string s && s == "---") parts.Add(new List<PSObject>());
                else parts[parts.Count - 1].Add(o);
            }
            return parts;
        }
    }
}
