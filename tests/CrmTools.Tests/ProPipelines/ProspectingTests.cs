using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class ProspectingTests : PplCommandTestBase
    {
        public ProspectingTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        /// <summary>A script line building <paramref name="count"/> Import-Csv-like rows in $rows.</summary>
        private static string Rows(int count, int columns = 3) =>
            $"$rows = 1..{count} | ForEach-Object {{ $o = [ordered]@{{}}; foreach ($c in 1..{columns}) {{ $o[\"Col $c\"] = \"r$_ c$c\" }}; [pscustomobject]$o }}\n";

        [Fact]
        public void A_list_is_created_from_objects_in_one_request_with_their_names_as_columns()
        {
            var r = RunConnected(Rows(1000) + "$rows | New-PplProspectingList -Title 'Thousand' -Tag 'fair,2026' -Shared").EnsureSuccess();
            var list = Assert.Single(r.Output);
            Assert.Equal(new[] { "Col 1", "Col 2", "Col 3" }, P<string[]>(list, "ColumnNames"));
            Assert.Equal(1000, ((System.Array)list.Properties["Prospects"].Value).Length);
            var create = Assert.Single(Requests("POST"));
            var body = JsonDocument.Parse(create.Body!).RootElement;
            Assert.Equal(1001, body.GetProperty("content").GetArrayLength());
            Assert.Equal("r1 c2", body.GetProperty("content")[1][1].GetString());
            Assert.Equal("off", body.GetProperty("privacy").GetString());
        }

        [Fact]
        public void Arrays_make_a_list_with_the_first_as_header()
        {
            var r = RunConnected("New-PplProspectingList -Title 'Callbacks' -Content ('Company', 'Phone'), ('Initech', '555 0100')").EnsureSuccess();
            Assert.Equal(new[] { "Company", "Phone" }, P<string[]>(r.Output[0], "ColumnNames"));
            string?[] cells = ((dynamic)r.Output[0].BaseObject).Prospects[0].Content;
            Assert.Equal(new[] { "Initech", "555 0100" }, cells);
        }

        [Theory]
        [InlineData(5001, 2, "at most 5000 prospects")]
        [InlineData(2, 27, "at most 26 columns")]
        public void The_documented_limits_are_checked_before_sending(int rows, int columns, string message)
        {
            var error = RunExpectingValidationError(Rows(rows, columns) + "$rows | New-PplProspectingList -Title 'Too big'");
            Assert.Contains(message, error.Exception.Message);
            Assert.Empty(Requests("POST"));
        }

        [Fact]
        public void Adding_250_prospects_costs_one_read_and_three_adds_and_maps_columns_by_name()
        {
            var r = RunConnected(@"$list = New-PplProspectingList -Title 'Growing' -Content ([pscustomobject]@{ Name = 'first'; Email = 'f@x.example'; Phone = '1' })
                " + "$rows = 1..250 | ForEach-Object { [pscustomobject]@{ Phone = \"p$_\"; Name = \"n$_\" } }\n" +
                "$rows | Add-PplProspect -ProspectingListId $list.Id").EnsureSuccess();
            Assert.Equal(250, r.Output.Count);
            string?[] cells = ((dynamic)r.Output[0].BaseObject).Content;
            Assert.Equal(new[] { "n1", "", "p1" }, cells);
            var adds = Requests("POST", "/rows");
            Assert.Equal(new[] { 100, 100, 50 }, adds.Select(a => JsonDocument.Parse(a.Body!).RootElement.GetProperty("content").GetArrayLength()));
            Assert.Single(Requests("GET"), q => q.Path.Contains("/spreadsheets/"));
        }

        [Fact]
        public void A_property_the_list_has_no_column_for_is_an_error_and_nothing_is_sent()
        {
            var error = RunExpectingValidationError(@"$list = Get-PplProspectingList -Id 17197
                [pscustomobject]@{ Email = 'x@y.example'; Shoe = '42' } | Add-PplProspect -ProspectingListId $list.Id");
            Assert.Contains("'Shoe'", error.Exception.Message);
        }

        [Fact]
        public void A_failed_chunk_reports_each_of_its_prospects_and_the_others_are_added()
        {
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/rows", Method = "POST", Status = 0, Times = 1 });
            Sandbox.Control.InjectFault(new SandboxFault { PathContains = "/rows", Method = "POST", Status = 500, Times = 1 });
            var r = RunConnected(@"$list = New-PplProspectingList -Title 'Faulty' -Content ([pscustomobject]@{ Name = 'seed' })
                $rows = 1..250 | ForEach-Object { [pscustomobject]@{ Name = ""n$_"" } }
                $rows | Add-PplProspect -ProspectingListId $list.Id
                (Get-PplProspectingList -Id $list.Id).Prospects.Count");
            Assert.Equal(100, r.Errors.Count);
            Assert.Equal(Enumerable.Range(101, 100).Select(i => "n" + i), r.Errors.Select(e => (string)((PSObject)e.TargetObject).Properties["Name"].Value));
            Assert.Equal(1 + 150, (int)r.Output.Last().BaseObject);
        }

        [Fact]
        public void Prospects_are_updated_commented_removed_and_found_by_the_number_they_were_called_from()
        {
            var r = RunConnected(@"
                $list = New-PplProspectingList -Title 'Edits' -Content ('Company', 'Phone'), ('Initech', '555 0100'), ('Hooli', '555 0199')
                $p = $list.Prospects[0]
                $p | Set-PplProspect -Content 'Initech', '555 0111' -PassThru
                $p | Add-PplProspectComment -Content 'Call back' -ActivityId 272
                Add-PplProspectingListComment -ProspectingListId $list.Id -Content 'Good list'
                $list.Prospects[1] | Remove-PplProspect -Force
                (Get-PplProspect -ProspectingListId $list.Id).Count
                $list | Set-PplProspectingListOwner -UserId juliette@example.com -PassThru
                @(Get-PplProspect -CalledFrom '+1 801 555 0100').Count").EnsureSuccess();
            string?[] cells = ((dynamic)r.Output[0].BaseObject).Content;
            Assert.Equal(new[] { "Initech", "555 0111" }, cells);
            Assert.Equal("SpreadsheetRow", ((dynamic)r.Output[1].BaseObject).CommentedItem.Item);
            Assert.Equal("Spreadsheet", ((dynamic)r.Output[2].BaseObject).CommentedItem.Item);
            Assert.Equal(1, (int)r.Output[3].BaseObject);
            Assert.Equal("Juliette Rose", P<string>(r.Output[4], "Owner"));
            Assert.True((int)r.Output[5].BaseObject > 0);
            Assert.Contains("phone_number=%2B1%20801%20555%200100", Requests("GET", "/rows/called_from")[0].Query);
        }

        [Fact]
        public void Lists_are_listed_with_the_service_limit_and_skip_applied_here()
        {
            var r = RunConnected("Get-PplProspectingList -Direction asc -Skip 1 -First 1").EnsureSuccess();
            Assert.Single(r.Output);
            Assert.Equal(17198L, P<long>(r.Output[0], "Id"));
            Assert.Contains("limit=2", Requests("GET", "/spreadsheets")[0].Query);
        }
    }
}
