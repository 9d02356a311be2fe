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
