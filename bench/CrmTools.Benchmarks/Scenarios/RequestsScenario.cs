using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Benchmarks.Harness;

namespace CrmTools.Benchmarks.Scenarios
{
    /// <summary>
    /// 3. Requests spent by bulk commands: the write requests the sandbox saw against the batching floor
    /// ceil(N / batch) with the service's documented batch size. A command that does not exist (or does not work
    /// yet) is listed as pending.
    /// </summary>
    internal static class RequestsScenario
    {
        public static IEnumerable<ScenarioResult> Run(BenchContext ctx)
        {
            yield return RemoveLeads(ctx);
            yield return AddProspects(ctx);
            yield return NimbleContactsById(ctx);
        }

        private static ScenarioResult NimbleContactsById(BenchContext ctx)
        {
            const int batch = 30;
            var n = ctx.Mode.RequestItems;
            var title = $"Requests: getting {n:N0} Nimble contacts by id (Get-NimbleContact -Id, by {batch})";
            var goal = $"= ceil(N/{batch}) = {(n + batch - 1) / batch} requests";
            var nimble = ctx.Sandbox.Nimble;
            nimble.Reseed(n + 10);
            var tokens = nimble.IssueTokens();
            using var ps = PsBench.Open(Paths.ModuleManifest);
            ps.Run("Connect-Nimble -BaseUri $u -AccessToken $t", new Dictionary<string, object?> { ["u"] = nimble.BaseUri, ["t"] = PsBench.Secure(tokens.AccessToken) });
            var ids = ps.Run($"Get-NimbleContact -IdOnly -First {n}").Select(o => o.BaseObject.ToString()!).ToArray();
            if (ids.Length < n) return ScenarioResult.PendingResult("3c", title, goal, $"the sandbox listed only {ids.Length} contact ids.");
            ctx.Sandbox.Control.ResetRequestLog();
            var (output, errors) = ps.RunAllowingErrors("$ids | Get-NimbleContact", new Dictionary<string, object?> { ["ids"] = ids });
            if (errors.Count > 0) return ScenarioResult.PendingResult("3c", title, goal, "Get-NimbleContact -Id failed: " + errors[0]);
            var requests = ctx.Sandbox.Control.CountRequests("/api/v1/contact", "GET");
            var floor = (n + batch - 1) / batch;
            return new ScenarioResult("3c", title, goal)
            {
                Baseline = $"floor {floor} requests",
                Module = $"{requests} GET requests, {output.Count} contacts",
                Ratio = $"{Report.F(requests / (double)floor)}x the floor",
                Met = requests == floor && output.Count == n,
                Details = { $"{n} ids piped to Get-NimbleContact: {requests} GET /api/v1/contact requests, {output.Count} contacts written." },
            };
        }

        private static ScenarioResult RemoveLeads(BenchContext ctx)
        {
            const int batch = 100;
            var n = ctx.Mode.RequestItems;
            var title = $"Requests: deleting {n:N0} leads (Remove-PplLead, delete_multiple by {batch})";
            var goal = $"= ceil(N/{batch}) = {(n + batch - 1) / batch} requests";
            ctx.Reset(ctx.Mode.StreamLeads);
            using var ps = PsBench.OpenConnected(ctx.Sandbox.Ppl.AccountUri, ctx.Sandbox.Ppl.ApiKey);
            if (ps.Run("Get-Command -Name Remove-PplLead -Module CrmTools -ErrorAction Ignore").Count == 0)
                return ScenarioResult.PendingResult("3a", title, goal, "Remove-PplLead does not exist yet.");
            var before = ctx.Sandbox.Ppl.LeadCount;
            ctx.Sandbox.Control.ResetRequestLog();
            var (_, errors) = ps.RunAllowingErrors($"Get-PplLead -IncludeUnassigned -First {n} | Remove-PplLead -Confirm:$false");
            if (errors.Count > 0)
                return ScenarioResult.PendingResult("3a", title, goal, "Remove-PplLead exists but failed: " + errors[0]);
            var deletes = ctx.Sandbox.Control.CountRequests("/leads", "DELETE");
            var removed = before - ctx.Sandbox.Ppl.LeadCount;
            var floor = (n + batch - 1) / batch;
            return new ScenarioResult("3a", title, goal)
            {
                Baseline = $"floor {floor} requests",
                Module = $"{deletes} DELETE requests, {removed} leads removed",
                Ratio = $"{Report.F(deletes / (double)floor)}x the floor",
                Met = deletes == floor && removed == n,
                Details = { $"Get-PplLead -First {n} | Remove-PplLead -Confirm:$false: {deletes} DELETE requests for {n} leads; {removed} leads gone from the sandbox." },
            };
        }

        private static ScenarioResult AddProspects(BenchContext ctx)
        {
            const int batch = 100;
            var n = ctx.Mode.RequestItems;
            var title = $"Requests: adding {n:N0} prospects (Add-PplProspect, rows by {batch})";
            var goal = $"= ceil(N/{batch}) = {(n + batch - 1) / batch} requests";
            ctx.Reset(ctx.Mode.StreamLeads);
            using var ps = PsBench.OpenConnected(ctx.Sandbox.Ppl.AccountUri, ctx.Sandbox.Ppl.ApiKey);
            if (ps.Run("Get-Command -Name Add-PplProspect, New-PplProspectingList -Module CrmTools -ErrorAction Ignore").Count < 2)
                return ScenarioResult.PendingResult("3b", title, goal, "Add-PplProspect / New-PplProspectingList do not exist yet.");
            var rows = Enumerable.Range(0, n).Select(i =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Company", $"Company {i}"));
                row.Properties.Add(new PSNoteProperty("Phone", $"+46 8 {i:000000}"));
                return row;
            }).ToArray();
            var (created, createErrors) = ps.RunAllowingErrors("New-PplProspectingList -Title 'Benchmark' -InputObject $Rows[0] -Confirm:$false",
                new Dictionary<string, object?> { ["Rows"] = rows });
            if (createErrors.Count > 0 || created.Count == 0)
                return ScenarioResult.PendingResult("3b", title, goal, "New-PplProspectingList failed: " + createErrors.FirstOrDefault());
            ctx.Sandbox.Control.ResetRequestLog();
            var (_, errors) = ps.RunAllowingErrors("$Rows | Add-PplProspect -ProspectingListId $List.Id -Confirm:$false | Out-Null",
                new Dictionary<string, object?> { ["Rows"] = rows, ["List"] = created[0] });
            if (errors.Count > 0)
                return ScenarioResult.PendingResult("3b", title, goal, "Add-PplProspect exists but failed: " + errors[0]);
            var posts = ctx.Sandbox.Control.CountRequests("/rows", "POST");
            var floor = (n + batch - 1) / batch;
            return new ScenarioResult("3b", title, goal)
            {
                Baseline = $"floor {floor} requests",
                Module = $"{posts} POST .../rows requests",
                Ratio = $"{Report.F(posts / (double)floor)}x the floor",
                Met = posts == floor,
                Details = { $"$rows | Add-PplProspect -ProspectingListId <new list>: {posts} POST requests to .../rows for {n} rows (all requests: {ctx.Sandbox.Control.Requests.Count})." },
            };
        }

        private static string Present(BenchContext ctx, string pattern)
        {
            using var ps = PsBench.Open(Paths.ModuleManifest);
            var found = ps.Run($"Get-Command -Name '{pattern}' -Module CrmTools -ErrorAction Ignore");
            return string.Join(", ", found.Select(o => ((CommandInfo)o.BaseObject).Name));
        }
    }
}
