using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.LimeCrm
{
    /// <summary>
    /// New-, Set- and Remove-LimeCrmObject with -ThrottleLimit: many piped items all arrive, output (and errors) keep
    /// input order, a bad item is an error naming that item while the rest go on, and the writes really overlap
    /// (counted by the sandbox: the most requests it served at once; nothing is timed).
    /// </summary>
    public class BulkLimeCrmObjectTests : LimeCrmTestBase
    {
        public BulkLimeCrmObjectTests(SandboxFixture fixture) : base(fixture) { }

        private int MaxConcurrent => Sandbox.Control.MaxConcurrentRequests;

        private List<long> PersonIds(int count) =>
            Lime.Objects("person").Select(p => (long)p["_id"]!).OrderBy(id => id).Take(count).ToList();

        [Fact]
        public void New_creates_every_piped_row_concurrently_in_input_order_and_a_bad_row_is_its_own_error()
        {
            var before = Lime.Count("person");
            Sandbox.Control.LatencyMs = 25;
            // Rows relate to their company by id, by unique name (a lookup) or not at all; row 17 has a value
            // the metadata refuses, row 29 a company that does not exist (its lookup finds nothing).
            var r = RunConnected(@"
                $rows = 0..39 | ForEach-Object {
                    $row = [ordered]@{ firstname = 'Bulk'; lastname = ('Row {0:00}' -f $_) }
                    if ($_ % 3 -eq 0) { $row.company = 1002 } elseif ($_ % 3 -eq 1) { $row.company = 'Acme AB' }
                    if ($_ -eq 17) { $row.inactive = 'perhaps' }
                    if ($_ -eq 29) { $row.company = 'Nowhere Ltd' }
                    [pscustomobject]$row
                }
                $rows | New-LimeCrmObject -Limetype person -ThrottleLimit 8 2>&1 | ForEach-Object {
                    if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.TargetObject.lastname } else { $_ }
                }");

            Assert.False(r.Terminated, r.ToString());
            var expected = Enumerable.Range(0, 40).Select(i => i == 17 || i == 29 ? $"error Row {i:00}" : $"Row {i:00}").ToList();
            Assert.Equal(expected, r.Output.Select(o => o.BaseObject as string ?? P<string>(o, "lastname")));
            var created = r.Output.Where(o => !(o.BaseObject is string)).ToList();
            Assert.All(created, o => Assert.Equal("CrmTools.Engine.LimeCrm.LimeObject#person", o.TypeNames[0]));
            Assert.Equal(38, created.Count);
            for (var i = 0; i < 40; i++)
            {
                if (i == 17 || i == 29) continue;
                var o = created.Single(c => P<string>(c, "lastname") == $"Row {i:00}");
                Assert.Equal(i % 3 == 0 ? 1002L : i % 3 == 1 ? 1001L : (long?)null, (long?)o.Properties["company"].Value);
            }
            Assert.Equal(before + 38, Lime.Count("person"));
            Assert.Equal(38, LimeRequests("/limeobject/person/", "POST").Count);
            Assert.InRange(MaxConcurrent, 2, 8);
        }

        [Fact]
        public void New_reports_errors_with_the_piped_item_as_target_and_creates_the_rest()
        {
            var r = RunConnected(@"
                1..12 | ForEach-Object { [pscustomobject]@{ name = ""Bulk company $_""; buyingstatus = $(if ($_ -eq 5) { 'hot' } else { 'prospect' }) } } |
                    New-LimeCrmObject -Limetype company -ThrottleLimit 8");

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.OptionNotAllowed,", error.FullyQualifiedErrorId);
            Assert.Equal("Bulk company 5", ((PSObject)error.TargetObject).Properties["name"].Value);
            Assert.Equal(Enumerable.Range(1, 12).Where(i => i != 5).Select(i => $"Bulk company {i}"), r.Output.Select(o => P<string>(o, "name")));
            Assert.Equal(11, Lime.Objects("company").Count(c => ((string?)c["name"])?.StartsWith("Bulk company ") == true));
        }

        [Fact]
        public void Set_updates_every_piped_object_concurrently_and_a_missing_one_does_not_stop_the_rest()
        {
            var ids = PersonIds(30);
            ids.Insert(11, 999999);
            Sandbox.Control.LatencyMs = 25;
            var r = RunConnected(@"
                $ids | ForEach-Object { [pscustomobject]@{ Limetype = 'person'; Id = $_ } } |
                    Set-LimeCrmObject -Property @{ position = 'Bulk updated' } -ThrottleLimit 8 -PassThru",
                new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.ObjectNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal("person 999999", error.TargetObject);
            Assert.Equal(ids.Where(id => id != 999999), r.Output.Select(o => P<long>(o, "Id")));
            Assert.All(r.Output, o => Assert.Equal("Bulk updated", P<string>(o, "position")));
            var updated = Lime.Objects("person").Where(p => (string?)p["position"] == "Bulk updated").Select(p => (long)p["_id"]!).OrderBy(i => i);
            Assert.Equal(ids.Where(id => id != 999999), updated);
            Assert.InRange(MaxConcurrent, 2, 8);
        }

        [Fact]
        public void Set_without_PassThru_writes_nothing_and_takes_each_objects_own_values()
        {
            var ids = PersonIds(16);
            var r = RunConnected(@"
                $ids | ForEach-Object { [pscustomobject]@{ Limetype = 'person'; Id = $_; position = ""Position $_"" } } |
                    Set-LimeCrmObject -ThrottleLimit 8",
                new Dictionary<string, object?> { ["ids"] = ids.ToArray() }).EnsureSuccess();

            Assert.Empty(r.Output);
            var persons = Lime.Objects("person").ToDictionary(p => (long)p["_id"]!);
            Assert.All(ids, id => Assert.Equal($"Position {id}", persons[id]["position"]));
        }

        [Fact]
        public void Remove_deletes_concurrently_and_a_missing_object_is_an_error_for_that_id()
        {
            var ids = Lime.Objects("history").Select(h => (long)h["_id"]!).OrderBy(id => id).Take(20).ToList();
            ids.Insert(7, 999999);
            var before = Lime.Count("history");
            Sandbox.Control.LatencyMs = 25;
            var r = RunConnected("$ids | ForEach-Object { [pscustomobject]@{ Limetype = 'history'; Id = $_ } } | Remove-LimeCrmObject -ThrottleLimit 8 -Confirm:$false -Verbose",
                new Dictionary<string, object?> { ["ids"] = ids.ToArray() });

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("LimeCrm.ObjectNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal("history 999999", error.TargetObject);
            Assert.Equal(before - 20, Lime.Count("history"));
            Assert.Equal(ids.Where(id => id != 999999).Select(id => $"Deleted history {id}."), r.Verbose.Where(v => v.StartsWith("Deleted ")));
            Assert.InRange(MaxConcurrent, 2, 8);
        }

        [Fact]
        public void ThrottleLimit_1_sends_one_request_at_a_time()
        {
            Sandbox.Control.LatencyMs = 10;
            var r = RunConnected("1..6 | ForEach-Object { @{ name = \"One by one $_\" } } | New-LimeCrmObject company -ThrottleLimit 1").EnsureSuccess();

            Assert.Equal(Enumerable.Range(1, 6).Select(i => $"One by one {i}"), r.Output.Select(o => P<string>(o, "name")));
            Assert.Equal(1, MaxConcurrent);
        }

        [Theory]
        [InlineData("New-LimeCrmObject", "New-LimeCrmObject person @{ lastname = 'X' } -ThrottleLimit 0")]
        [InlineData("Set-LimeCrmObject", "Set-LimeCrmObject person 1041 @{ position = 'X' } -ThrottleLimit 65")]
        [InlineData("Remove-LimeCrmObject", "Remove-LimeCrmObject person 1041 -ThrottleLimit 0 -Confirm:$false")]
        public void ThrottleLimit_defaults_small_and_is_validated(string command, string outOfRange)
        {
            var r = Run($@"
                (Get-Command {command}).Parameters['ThrottleLimit'].Attributes | Where-Object {{ $_ -is [System.Management.Automation.ValidateRangeAttribute] }} | ForEach-Object {{ '{{0}}-{{1}}' -f $_.MinRange, $_.MaxRange }}
                [CrmTools.Base.CrmCmdlet]::DefaultThrottleLimit").EnsureSuccess();

            Assert.Equal(new object[] { "1-64", 4 }, r.Objects);
            var bad = RunConnected(outOfRange);
            var error = bad.TerminatingError ?? Assert.Single(bad.Errors);
            Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
            Assert.Empty(LimeRequests("/limeobject/"));
        }

        [Fact]
        public void Removing_what_a_paged_listing_streams_deletes_every_object_because_deletes_wait_for_the_end_of_input()
        {
            var before = Lime.Count("person");
            Assert.True(before > 6, "the sandbox seeds enough persons to page through");
            var r = RunConnected("Get-LimeCrmObject -Limetype person -PageSize 3 | Remove-LimeCrmObject -Confirm:$false -ThrottleLimit 4").EnsureSuccess();
            Assert.Equal(0, Lime.Count("person"));
            Assert.Equal(before, LimeRequests("/limeobject/person/", "DELETE").Count);
        }
    }
}
