using System.Linq;
using CrmTools.Engine.LimeCrm;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    public class LimetypeTests : LimeCrmTestBase
    {
        public LimetypeTests(SandboxFixture fixture) : base(fixture) { }

        [Fact]
        public void A_limetype_has_its_properties_types_lengths_and_options()
        {
            var r = RunConnected("Get-LimeCrmLimetype company").EnsureSuccess();

            var company = Assert.IsType<LimeType>(Assert.Single(r.Output).BaseObject);
            Assert.Equal("Company", company.LocalName);
            Assert.Equal("Companies", company.LocalNamePlural);
            var name = company.FindProperty("name")!;
            Assert.True(name.Required);
            Assert.Equal(128, name.Length);
            Assert.Equal(LimeValueKind.Text, name.Kind);
            var status = company.FindProperty("buyingstatus")!;
            Assert.Equal("option", status.Type);
            Assert.Equal(new[] { "active", "prospect", "excustomer", "notinterested", "lead" }, status.Options.Select(o => o.Key));
            Assert.True(status.Options.Single(o => o.Key == "lead").Inactive);
            Assert.Equal("active, prospect, excustomer, notinterested", status.Allowed);
            var persons = company.FindProperty("person")!;
            Assert.Equal(LimeValueKind.HasMany, persons.Kind);
            Assert.Equal("person", persons.RelatedLimetype);
            Assert.False(persons.IsWritable);
            Assert.Equal("company", company.FindProperty("categories")!.Limetype);
        }

        [Fact]
        public void All_limetypes_in_one_request_and_kept_per_connection()
        {
            var r = RunConnected(@"
                Get-LimeCrmLimetype | ForEach-Object Name
                Get-LimeCrmLimetype person | Out-Null
                Get-LimeCrmObject person -First 1 | Out-Null").EnsureSuccess();

            Assert.Equal(Lime.Limetypes, r.Output.Select(o => (string)o.BaseObject));
            var metadata = LimeRequests("/api/v1/limetype/");
            Assert.Equal(2, metadata.Count); // connect, then the list with every limetype's properties
            Assert.Contains("_embed=limetypes.properties", metadata[1].Query);
        }

        [Fact]
        public void Refresh_reads_the_metadata_again_and_wildcards_select_limetypes()
        {
            var r = RunConnected(@"
                Get-LimeCrmLimetype person | Out-Null
                Get-LimeCrmLimetype -Name 'h*' -Refresh | ForEach-Object Name").EnsureSuccess();

            Assert.Equal(new[] { "history", "helpdesk" }, r.Output.Select(o => (string)o.BaseObject));
            Assert.Single(LimeRequests("/api/v1/limetype/person/"));
            Assert.Single(LimeRequests("/api/v1/limetype/").Where(q => q.Query.Contains("limetypes.properties")));
        }

        [Fact]
        public void An_unknown_limetype_is_a_non_terminating_not_found_and_the_rest_go_on()
        {
            var r = RunConnected("'persn', 'deal' | Get-LimeCrmLimetype");

            Assert.Equal("deal", ((LimeType)Assert.Single(r.Output).BaseObject).Name);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.LimetypeNotFound,", error.FullyQualifiedErrorId);
            Assert.Contains("Lime CRM has no limetype 'persn'. Limetypes: company, person, deal, history, helpdesk, ulconversation.", error.Exception.Message);
        }

        [Fact]
        public void Limetype_names_tab_complete_from_the_connection()
        {
            var r = RunConnected(@"
                $line = 'Get-LimeCrmObject -Limetype h'
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText").EnsureSuccess();

            Assert.Equal(new object[] { "history", "helpdesk" }, r.Objects.ToArray());
        }

        [Fact]
        public void The_properties_view_shows_what_each_property_allows()
        {
            var r = RunConnected("(Get-LimeCrmLimetype history).Properties | Out-Default").EnsureSuccess();

            Assert.Contains("Limetype: history", r.HostText);
            Assert.Contains("comment, chat, customercall", r.HostText);
            Assert.Contains("Allowed", r.HostText);
        }
    }
}
