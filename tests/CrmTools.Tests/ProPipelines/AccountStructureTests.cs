using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>Steps, pipelines, client folders, categories, predefined tags, fields and activities.</summary>
    public class AccountStructureTests : PplCommandTestBase
    {
        public AccountStructureTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        [Fact]
        public void Steps_and_pipelines_are_typed_and_shown_in_their_views()
        {
            var r = RunConnected("Get-PplStep -Direction desc; Get-PplStep -Id 'In-touch', 1192; Get-PplPipeline; Get-PplStep | Out-Default").EnsureSuccess();
            Assert.Equal(6, r.Output.Take(6).Select(o => P<long>(o, "Id")).Distinct().Count());
            Assert.Equal("In-touch", P<string>(r.Output[6], "Name"));
            Assert.Equal("Sales funnel", P<string>(r.Output[6], "PipelineName"));
            Assert.Equal("Quote sent", P<string>(r.Output[7], "Name"));
            Assert.Equal(new[] { "Sales funnel", "Accounting funnel" }, r.Output.Skip(8).Select(o => P<string>(o, "Name")));
            Assert.Contains("Accounting funnel", r.HostText);
            Assert.Contains("PipelineId", r.HostText);
            Assert.Contains("direction=desc", Requests("GET", "/steps")[0].Query);
        }

        [Fact]
        public void Client_folders_round_trip_create_read_update_delete()
        {
            var run = RunConnected(@"
                $f = New-PplClientFolder -Name 'Green Client' -Description 'Address: 1 Main St'
                $f.ExtendedInfo.FieldsByName['Address']
                $f | Set-PplClientFolder -Name 'Green Corp' -IsActive $false -PassThru
                $f | Remove-PplClientFolder -Force
                Get-PplClientFolder -Id $f.Id");
            Assert.Equal("1 Main St", (string)run.Output[0].BaseObject);
            Assert.Equal("Green Corp", P<string>(run.Output[1], "Name"));
            Assert.False(P<bool?>(run.Output[1], "IsActive"));
            AssertError(Assert.Single(run.Errors), "Ppl.ClientFolderNotFound", ErrorCategory.ObjectNotFound);
            var put = JsonDocument.Parse(Assert.Single(Requests("PUT")).Body!).RootElement;
            Assert.Equal(new[] { "name", "is_active" }, put.EnumerateObject().Select(p => p.Name));
        }

        [Fact]
        public void A_client_folder_owner_with_a_user_token_fails_before_sending()
        {
            var r = Run("Connect-Ppl -BaseUri $PplUri -Credential $PplCred\nNew-PplClientFolder -Name 'Mine' -UserId 436");
            AssertError(Assert.Single(r.Errors), "Ppl.UserIdWithUserToken", ErrorCategory.InvalidArgument, "Mine");
            Assert.Empty(Requests("POST", "/clients"));
        }

        [Fact]
        public void Categories_and_predefined_tags_are_listed_and_created()
        {
            var r = RunConnected(@"
                Get-PplCategory -IncludeTag | Where-Object Name -eq 'Origin' | ForEach-Object { $_.Tags.Count }
                $cat = New-PplCategory -Name 'Region'
                $cat | New-PplPredefinedTag -Name 'North', 'South'
                Get-PplPredefinedTag | Where-Object Category -eq 'Region' | ForEach-Object Name").EnsureSuccess();
            Assert.Equal(3, (int)r.Output[0].BaseObject);
            Assert.All(r.Output.Skip(1).Take(2), o => Assert.Equal("Region", P<string>(o, "Category")));
            Assert.Equal(new[] { "North", "South" }, r.Output.Skip(3).Select(o => (string)o.BaseObject));
            Assert.Contains("include_tags=true", Requests("GET", "/categories")[0].Query);
            Assert.Single(Requests("POST", "/category"));
            var tagBody = JsonDocument.Parse(Requests("POST", "/predefined_tags")[0].Body!).RootElement;
            Assert.True(tagBody.GetProperty("category_id").GetInt64() > 0);
        }

        [Fact]
        public void Fields_are_filtered_by_type_and_created_with_the_documented_values()
        {
            var r = RunConnected("Get-PplField -Type client; New-PplField -Name 'Country' -ParentType lead -Type country -IsKey").EnsureSuccess();
            Assert.All(r.Output.Take(r.Output.Count - 1), o => Assert.Equal("client", P<string>(o, "ParentType")));
            var created = r.Output.Last();
            Assert.True(P<bool?>(created, "IsKey"));
            var body = JsonDocument.Parse(Assert.Single(Requests("POST", "/fields")).Body!).RootElement;
            Assert.Equal("country", body.GetProperty("type").GetString());
            Assert.Contains("type=client", Requests("GET", "/fields")[0].Query);
        }

        [Fact]
        public void A_field_name_over_32_characters_is_refused_before_sending()
        {
            var r = RunConnected("New-PplField -Name ('x' * 33) -ParentType lead");
            Assert.Equal("ParameterArgumentValidationError", Assert.Single(r.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(Requests("POST", "/fields"));
        }

        [Fact]
        public void Activities_are_listed()
        {
            var r = RunConnected("Get-PplActivity").EnsureSuccess();
            Assert.Contains(r.Output, o => P<string>(o, "Name") == "Answered" && P<long?>(o, "ParentId") == 271);
        }
    }
}
