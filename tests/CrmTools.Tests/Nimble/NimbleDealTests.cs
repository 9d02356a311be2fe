using System;
using System.Linq;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    public class NimbleDealTests : NimbleTestBase
    {
        public NimbleDealTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed();
        }

        [Fact]
        public void A_deal_created_by_pipeline_and_stage_name_takes_the_stage_probability_and_lists_under_that_stage()
        {
            var r = RunConnected(@"
                $person = Get-NimbleContact -RecordType person -First 1
                $d = New-NimbleDeal -Name 'Sandbox licences' -Pipeline 'sales pipeline' -Stage Proposal -Amount 1200.5 -ContactId $person.Id `
                    -ExpectedCloseDate '2026-12-24' -Description 'Renewal' -Tag renewal
                $d
                @(Get-NimbleDeal -Pipeline 'Sales Pipeline' -Stage 'Proposal' -PageSize 2 | Where-Object DealId -eq $d.DealId).Count
                ($d | Set-NimbleDeal -Stage Negotiation -Probability 80).StageName
                (Get-NimbleDeal -Id $d.DealId).Probability").EnsureSuccess();
            var deal = (NimbleDeal)r.Output[0].BaseObject;
            Assert.Equal("Sandbox licences", deal.Name);
            Assert.Equal("Sales Pipeline", deal.PipelineName);
            Assert.Equal("Proposal", deal.StageName);
            Assert.Equal(50, deal.Probability);
            Assert.Equal(1200.5m, deal.Amount);
            Assert.Equal("USD", deal.Currency);
            Assert.Equal(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero).Date, deal.ExpectedCloseDate!.Value.Date);
            Assert.Single(deal.RelatedContacts!);
            Assert.Equal(new[] { "renewal" }, deal.Tags);
            Assert.Equal(1, r.Objects.ElementAt(1));
            Assert.Equal("Negotiation", r.Objects.ElementAt(2));
            Assert.Equal(80, r.Objects.ElementAt(3));
            var create = Sandbox.Control.Requests.Single(q => q.Method == "POST" && q.Path.EndsWith("/api/v2/deals"));
            Assert.DoesNotContain("probability", create.Body);
        }

        [Fact]
        public void A_stage_without_default_probability_needs_Probability_and_unknown_names_list_the_choices()
        {
            var r = RunConnected(@"
                New-NimbleDeal -Name A -Pipeline Partnerships -Stage Intro
                New-NimbleDeal -Name B -Pipeline Partnerships -Stage Nowhere
                New-NimbleDeal -Name C -Pipeline 'No such pipeline'
                (New-NimbleDeal -Name D -Pipeline Partnerships -Stage Intro -Probability 15).Probability");
            Assert.Equal(3, r.Errors.Count);
            Assert.Contains("needs -Probability", r.Errors[0].Exception.Message);
            Assert.Contains("Intro, Pilot, Signed", r.Errors[1].Exception.Message);
            Assert.Contains("Sales Pipeline, Partnerships", r.Errors[2].Exception.Message);
            Assert.Equal(15, r.Objects.Single());
            Assert.Equal(1, Count("/api/v2/deals", "POST"));
        }

        [Fact]
        public void Deals_list_with_the_required_sort_and_page_until_the_end()
        {
            var r = RunConnected("@(Get-NimbleDeal -PageSize 7 -SortBy amount -Descending).Count").EnsureSuccess();
            Assert.Equal(Nimble.DealCount, r.Objects.Single());
            Assert.All(Sandbox.Control.Requests.Where(q => q.Path.EndsWith("/api/v2/deals")), q => Assert.Contains("sort=amount%3Adesc", q.Query));
        }

        [Fact]
        public void Pipelines_are_created_with_stages_updated_archived_and_deleted_with_their_deals()
        {
            var r = RunConnected(@"
                $p = New-NimblePipeline -Name 'Renewals' -Stage 'Due', @{ Name = 'Quoted'; DefaultProbability = 60 }, 'Renewed' -DefaultCurrency eur -LostReason 'Churned'
                $p.StageNames
                $p = New-NimbleStage -Pipeline Renewals -Name 'Chased' -DefaultProbability 30 -After Due
                $p.StageNames
                (Set-NimbleStage -Pipeline Renewals -Stage Quoted -NewName 'Quote sent').StageNames
                $d = New-NimbleDeal -Name 'Renew Acme' -Pipeline Renewals -Stage 'Quote sent'
                (Set-NimblePipeline -Id $p.PipelineId -NewName 'Renewals 2027' -Archive).IsArchived
                $d.Probability
                Remove-NimblePipeline -Id $p.PipelineId -Force
                Get-NimbleDeal -Id $d.DealId -ErrorAction SilentlyContinue -ErrorVariable gone
                $gone[0].FullyQualifiedErrorId").EnsureSuccess();
            Assert.Equal("Due, Quoted, Renewed", r.Objects.ElementAt(0));
            Assert.Equal("Due, Chased, Quoted, Renewed", r.Objects.ElementAt(1));
            Assert.Equal("Due, Chased, Quote sent, Renewed", r.Objects.ElementAt(2));
            Assert.Equal(true, r.Objects.ElementAt(3));
            Assert.Equal(60, r.Objects.ElementAt(4));
            Assert.StartsWith("Nimble.DealNotFound", (string)r.Objects.ElementAt(5));
        }

        [Fact]
        public void A_piped_deal_moved_to_another_stage_takes_that_stages_probability_and_sends_nothing_else()
        {
            var r = RunConnected(@"
                $d = New-NimbleDeal -Name 'Move me' -Pipeline 'Sales Pipeline' -Stage Qualified -Amount 10
                $Sandbox.Control.ResetRequestLog()
                ($d | Set-NimbleDeal -Stage Proposal).Probability").EnsureSuccess();
            Assert.Equal(50, r.Objects.Single());
            var put = Sandbox.Control.Requests.Single(q => q.Method == "PUT");
            Assert.DoesNotContain("probability", put.Body);
            Assert.DoesNotContain("amount", put.Body);
        }

        [Fact]
        public void Deal_notes_are_added_changed_and_removed_through_the_pipeline()
        {
            var r = RunConnected(@"
                $note = Get-NimbleDeal -First 1 | New-NimbleDealNote -Title 'Kick-off' -Body 'Scope agreed.'
                ($note | Set-NimbleDealNote -Body 'Scope and date agreed.').Body
                $note | Remove-NimbleDealNote -Force
                $note | Remove-NimbleDealNote -Force -ErrorVariable e -ErrorAction SilentlyContinue
                $e[0].FullyQualifiedErrorId").EnsureSuccess();
            Assert.Equal("Scope and date agreed.", r.Objects.ElementAt(0));
            Assert.StartsWith("Nimble.NoteNotFound", (string)r.Objects.ElementAt(1));
        }

        [Fact]
        public void Deal_tags_and_last_months_won_summary_are_read()
        {
            var r = RunConnected(@"
                (Get-NimbleDealTag -StartsWith pri).Name
                $s = Get-NimbleDealSummary
                $s.LastMonthWonCount -ge 0").EnsureSuccess();
            Assert.Equal(new object[] { "priority", true }, r.Objects.ToArray());
        }

        [Fact]
        public void Deal_tags_are_added_by_query_renamed_and_removed_from_every_deal()
        {
            var r = RunConnected(@"
                $p = Add-NimbleDealTag -Tag 'partner deal', priority -Query @{ pipeline = @{ is = 'Partnerships' } }
                $p.Total
                $p.IsCompleted
                @(Get-NimbleDeal -Pipeline Partnerships | Where-Object { $_.Tags -contains 'partner deal' }).Count
                Get-NimbleDealTag -StartsWith partner | Rename-NimbleDealTag -NewName 'alliance'
                (Get-NimbleDealTag).Name -join ','
                Rename-NimbleDealTag -Name alliance -NewName priority -ErrorVariable e -ErrorAction SilentlyContinue
                $e[0].FullyQualifiedErrorId
                Remove-NimbleDealTag -Name alliance -WhatIf
                Remove-NimbleDealTag -Name alliance -Force
                (Get-NimbleDealTag).Name -join ','
                Add-NimbleDealTag -Tag x -Query @{ name = @{ near = 'y' } } -ErrorVariable q -ErrorAction SilentlyContinue
                $q[0].Exception.Message").EnsureSuccess();
            var partnerDeals = Nimble.DealCount / 4;
            Assert.Equal(partnerDeals, r.Objects.ElementAt(0));
            Assert.Equal(true, r.Objects.ElementAt(1));
            Assert.Equal(partnerDeals, r.Objects.ElementAt(2));
            Assert.Equal("alliance,priority", r.Objects.ElementAt(3));
            Assert.StartsWith("Nimble.", (string)r.Objects.ElementAt(4));
            Assert.Equal("priority", r.Objects.ElementAt(5));
            Assert.Contains("'near'", (string)r.Objects.ElementAt(6));
            var add = Sandbox.Control.Requests.Single(q => q.Method == "POST" && q.Path.EndsWith("/api/v2/deals/tags"));
            Assert.Contains("\"query\":{\"pipeline\":{\"is\":\"Partnerships\"}}", add.Body);
            Assert.Contains("\"preflight_checks\":false", add.Body);
            Assert.Equal(1, Count("/api/v2/deals/tags/partner%20deal", "PUT", 200) + Count("/api/v2/deals/tags/partner deal", "PUT", 200));
            Assert.Equal(1, Count("/api/v2/deals/tags/alliance", "DELETE"));
        }

        [Fact]
        public void Deal_files_are_listed_linked_renamed_and_removed()
        {
            var r = RunConnected(@"
                $deal = Get-NimbleDeal -SortBy created -First 1
                $files = @($deal | Get-NimbleDealFile)
                $files.Count
                $pdf = $deal | Get-NimbleDealFile -Name *.pdf
                $pdf.Source
                ($pdf | Get-NimbleDealFileLink).Url -like 'https://*'
                ($files | Where-Object Source -eq google_drive | Get-NimbleDealFileLink).Url
                $pdf | Rename-NimbleDealFile -NewName 'Signed.pdf'
                ($deal | Get-NimbleDealFile -Name Signed*).FileSize
                $files | Where-Object Source -eq google_drive | Rename-NimbleDealFile -NewName x -ErrorVariable e -ErrorAction SilentlyContinue
                $e[0].Exception.Message
                $pdf | Remove-NimbleDealFile -Force
                @($deal | Get-NimbleDealFile).Count
                $pdf | Remove-NimbleDealFile -Force -ErrorVariable g -ErrorAction SilentlyContinue
                $g[0].FullyQualifiedErrorId").EnsureSuccess();
            Assert.Equal(2, r.Objects.ElementAt(0));
            Assert.Equal("uploaded_azure", r.Objects.ElementAt(1));
            Assert.Equal(true, r.Objects.ElementAt(2));
            Assert.Equal("https://docs.google.com/document/d/sandbox-1", r.Objects.ElementAt(3));
            Assert.Equal(20480d, r.Objects.ElementAt(4));
            Assert.Contains("Only files uploaded to Nimble can be renamed", (string)r.Objects.ElementAt(5));
            Assert.Equal(1, r.Objects.ElementAt(6));
            Assert.StartsWith("Nimble.FileNotFound", (string)r.Objects.ElementAt(7));
            var put = Sandbox.Control.Requests.First(q => q.Method == "PUT" && q.Path.Contains("/files/"));
            Assert.Contains("\"new_file_name\":\"Signed.pdf\"", put.Body);
        }

        [Fact]
        public void Lost_reasons_of_a_pipeline_are_listed_and_added()
        {
            var r = RunConnected(@"
                (Get-NimbleLostReason -Pipeline 'sales pipeline').Text -join ','
                $p = New-NimbleLostReason -Pipeline 'Sales Pipeline' -Reason 'No budget'
                $p.LostReasons.Count
                $reason = Get-NimbleLostReason 'Sales Pipeline' -Text 'no*'
                $reason.PipelineName
                New-NimbleLostReason -Pipeline $p.PipelineId -Reason 'no budget' -ErrorVariable e -ErrorAction SilentlyContinue
                $e[0].Exception.Message
                New-NimbleLostReason -Pipeline Partnerships -Reason 'Too slow' -WhatIf
                @(Get-NimbleLostReason Partnerships).Count").EnsureSuccess();
            Assert.Equal("Price,Went with a competitor", r.Objects.ElementAt(0));
            Assert.Equal(3, r.Objects.ElementAt(1));
            Assert.Equal("Sales Pipeline", r.Objects.ElementAt(2));
            Assert.Contains("already has the lost reason", (string)r.Objects.ElementAt(3));
            Assert.Equal(0, r.Objects.ElementAt(4));
            var post = Sandbox.Control.Requests.First(q => q.Method == "POST" && q.Path.EndsWith("/lost_reasons"));
            Assert.Equal("{\"reason\":\"No budget\"}", post.Body);
            Assert.Equal(2, Count("/lost_reasons", "POST"));
        }

        [Fact]
        public void Overdue_activities_of_a_deal_are_listed_longest_overdue_first()
        {
            var r = RunConnected(@"
                $d = Get-NimbleDeal -First 1
                $null = New-NimbleTask -Subject 'Recent' -DueDate ([datetime]::Now).AddDays(-1) -DealId $d.DealId
                $null = New-NimbleTask -Subject 'Oldest' -DueDate ([datetime]::Now).AddDays(-9) -DealId $d.DealId -Important
                $null = New-NimbleTask -Subject 'Future' -DueDate ([datetime]::Now).AddDays(5) -DealId $d.DealId
                $a = @($d | Get-NimbleDealOverdueActivity)
                $a.Name -join ','
                $a[0].Type
                $a[0].IsImportant
                $a[0].DealId -eq $d.DealId
                (Get-NimbleDealOverdueActivity -DealId $d.DealId -Limit 1 -Type task, call).Name
                @(Get-NimbleDealOverdueActivity -DealId $d.DealId -Type meeting).Count").EnsureSuccess();
            Assert.Equal("Oldest,Recent", r.Objects.ElementAt(0));
            Assert.Equal("Task", r.Objects.ElementAt(1));
            Assert.Equal(true, r.Objects.ElementAt(2));
            Assert.Equal(true, r.Objects.ElementAt(3));
            Assert.Equal("Oldest", r.Objects.ElementAt(4));
            Assert.Equal(0, r.Objects.ElementAt(5));
            Assert.Contains(Sandbox.Control.Requests, q => q.Path.EndsWith("/overdue") && q.Query.Contains("types=task&types=call") && q.Query.Contains("limit=1"));
        }

        [Fact]
        public void Deals_of_a_pipeline_are_listed_by_owner_following_each_owners_next_page()
        {
            var r = RunConnected(@"
                $all = @(Get-NimbleDeal -Pipeline 'Sales Pipeline' -Owner '*' -PageSize 4)
                $all.Count
                @($all | Where-Object { $_.Owner.Email -eq 'ann@sandbox.example' }).Count
                @(Get-NimbleDeal -Pipeline 'Sales Pipeline' -Owner 'ann@*' -PageSize 100).Count
                @(Get-NimbleDeal -Pipeline 'Sales Pipeline' -Owner 'nobody@example.com').Count
                (Get-NimbleDeal -Pipeline 'Sales Pipeline' -Owner '*' -SortBy amount -Descending -First 1).Amount -ge (Get-NimbleDeal -Pipeline 'Sales Pipeline' -Owner '*' -SortBy amount -First 1).Amount").EnsureSuccess();
            var salesDeals = Nimble.DealCount - Nimble.DealCount / 4;
            Assert.Equal(salesDeals, r.Objects.ElementAt(0));
            Assert.Equal(salesDeals, r.Objects.ElementAt(1));
            Assert.Equal(salesDeals, r.Objects.ElementAt(2));
            Assert.Equal(0, r.Objects.ElementAt(3));
            Assert.Equal(true, r.Objects.ElementAt(4));
            Assert.True(Count("/owners", "GET") >= salesDeals / 4);
            Assert.All(Sandbox.Control.Requests.Where(q => q.Path.EndsWith("/owners")), q => Assert.Contains("sort=", q.Query));
        }

        [Fact]
        public void A_task_is_created_about_a_contact_and_a_deal()
        {
            var r = RunConnected(@"
                $c = Get-NimbleContact -RecordType person -First 1
                $d = Get-NimbleDeal -First 1
                New-NimbleTask -Subject 'Call back' -DueDate '2026-12-01 10:00' -Notes 'About the renewal' -ContactId $c.Id -DealId $d.DealId -Important").EnsureSuccess();
            var task = (NimbleTask)r.Output.Single().BaseObject;
            Assert.Equal("Call back", task.Subject);
            Assert.Single(task.Related!.Contacts!);
            var sent = Sandbox.Control.Requests.Single(q => q.Path.EndsWith("/api/v1/tasks"));
            Assert.Contains("\"related\":{\"contacts\":[", sent.Body);
            Assert.DoesNotContain("related_to", sent.Body);
        }
    }
}
