using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    public class SetPplLeadTests : PplCommandTestBase
    {
        public SetPplLeadTests(SandboxFixture fixture) : base(fixture) => RestoreLeadsAfterwards();

        /// <summary>An assigned lead without an amount, made for the test.</summary>
        private long NewAssignedLead()
        {
            var r = RunConnected("(New-PplLead -Title 'Rules' -UserId 514).Id").EnsureSuccess();
            Sandbox.Control.ResetRequestLog();
            return (long)r.Output[0].BaseObject;
        }

        [Theory]
        [InlineData("-Status standby", "RemindDate", "standby needs a -RemindDate")]
        [InlineData("-RemindTime 09:20", "RemindTime", "quarter hour")]
        [InlineData("-RemindTime 25:00", "RemindTime", "HH:MM")]
        [InlineData("-ReminderDuration 17", "ReminderDuration", "0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 480, 720")]
        [InlineData("-Title 'x' -Amount -5", "Amount", "negative")]
        public void A_documented_rule_fails_before_any_request(string arguments, string parameter, string message)
        {
            var error = RunExpectingValidationError("Set-PplLead -Id 1001 " + arguments);
            Assert.Contains(message, error.Exception.Message);
            Assert.Equal(parameter, ((dynamic)error.Exception).ParameterName);
            Assert.Empty(Requests("PUT"));
        }

        [Fact]
        public void A_status_outside_the_documented_set_is_refused_by_parameter_validation()
        {
            var r = RunConnected("Set-PplLead -Id 1001 -Status done");
            Assert.Equal("ParameterArgumentValidationError", Assert.Single(r.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(Requests("PUT"));
        }

        [Fact]
        public void A_probability_needs_an_amount_on_the_lead_or_in_the_call()
        {
            var id = NewAssignedLead();
            var r = Run("Set-PplLead -Id $id -Probability 40", new() { ["id"] = id });
            var error = Assert.Single(r.Errors);
            AssertError(error, "Ppl.InvalidArgument", ErrorCategory.InvalidArgument, id);
            Assert.Contains("probability cannot be set without an amount", error.Exception.Message);
            Assert.Empty(Requests("PUT"));

            var ok = Run("Set-PplLead -Id $id -Amount 1000 -Probability 40 -PassThru; Set-PplLead -Id $id -Probability 60 -PassThru",
                new() { ["id"] = id }).EnsureSuccess();
            Assert.Equal(60, P<int?>(ok.Output[1], "Probability"));
            Assert.Equal(1000m, P<decimal?>(ok.Output[1], "Amount"));
        }

        [Fact]
        public void Standby_with_a_remind_date_and_time_is_sent_in_the_documented_formats()
        {
            var id = NewAssignedLead();
            var r = Run("Set-PplLead -Id $id -Status Standby -RemindDate ([datetime]'2026-12-01 17:45') -RemindTime 9:30 -ReminderDuration 30 -PassThru",
                new() { ["id"] = id }).EnsureSuccess();
            var body = JsonDocument.Parse(Assert.Single(Requests("PUT", "/leads/" + id)).Body!).RootElement;
            Assert.Equal("standby", body.GetProperty("status").GetString());
            Assert.Equal("2026-12-01", body.GetProperty("remind_date").GetString());
            Assert.Equal("09:30", body.GetProperty("remind_time").GetString());
            Assert.Equal(30, body.GetProperty("reminder_duration").GetInt32());
            Assert.Equal("standby", P<string>(r.Output[0], "Status"));
        }

        [Fact]
        public void A_step_name_is_sent_as_the_step_id()
        {
            var id = NewAssignedLead();
            var r = Run("Set-PplLead -Id $id -Step 'in-touch' -PassThru", new() { ["id"] = id }).EnsureSuccess();
            Assert.Equal("In-touch", P<string>(r.Output[0], "Step"));
            var body = JsonDocument.Parse(Assert.Single(Requests("PUT", "/leads/" + id)).Body!).RootElement;
            Assert.Equal(1190, body.GetProperty("step").GetInt32());
        }

        [Fact]
        public void An_unknown_step_is_an_error_before_any_change()
        {
            var error = RunExpectingValidationError("Set-PplLead -Id 1001 -Step 'Negotiation'", "Ppl.StepNotFound");
            Assert.Contains("In-touch", error.Exception.Message);
        }

        [Fact]
        public void A_step_name_in_two_pipelines_is_an_error_naming_both()
        {
            using (AddSandboxStep("Incoming", pipelineId: 26, id: 1199))
            {
                var error = RunExpectingValidationError("Set-PplLead -Id 1001 -Step Incoming", "Ppl.AmbiguousStep");
                Assert.Contains("'Sales funnel' (step id 1189)", error.Exception.Message);
                Assert.Contains("'Accounting funnel' (step id 1199)", error.Exception.Message);
                // The id is unambiguous.
                var id = NewAssignedLead();
                var r = Run("Set-PplLead -Id $id -Step 1199 -PassThru", new() { ["id"] = id }).EnsureSuccess();
                Assert.Equal(1199L, P<long?>(r.Output[0], "StepId"));
            }
        }

        [Fact]
        public void Leads_from_the_pipeline_are_updated_one_request_each_and_only_the_given_values_are_sent()
        {
            var r = RunConnected(@"
                $leads = Get-PplLead -Status todo -First 3
                $leads | Set-PplLead -Status standby -RemindDate 2026-12-01 -PassThru").EnsureSuccess();
            Assert.Equal(3, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("standby", P<string>(o, "Status")));
            var puts = Requests("PUT");
            Assert.Equal(3, puts.Count);
            Assert.All(puts, p => Assert.Equal(new[] { "status", "remind_date" },
                JsonDocument.Parse(p.Body!).RootElement.EnumerateObject().Select(x => x.Name)));
        }

        [Fact]
        public void Changing_the_leads_a_filtered_listing_pages_through_skips_none()
        {
            // Each update takes the lead out of the listing; changing while it pages would shift its pages.
            var r = RunConnected(@"
                $todo = @(Get-PplLead -Status todo -PageSize 20).Count
                Get-PplLead -Status todo -PageSize 20 | Set-PplLead -Status standby -RemindDate 2026-12-01
                $todo; @(Get-PplLead -Status todo).Count
                Get-PplLead -Unassigned -PageSize 10 | Set-PplLeadOwner -UserId 436
                @(Get-PplLead -Unassigned).Count").EnsureSuccess();
            Assert.True((int)r.Output[0].BaseObject > 40);
            Assert.Equal(0, (int)r.Output[1].BaseObject);
            Assert.Equal(0, (int)r.Output[2].BaseObject);
        }

        [Fact]
        public void Several_updates_run_at_once_and_come_back_in_input_order()
        {
            Sandbox.Control.LatencyMs = 30;
            var r = RunConnected("$ids = 1001..1040; $ids | Set-PplLead -Tag 'parallel' -ThrottleLimit 8 -PassThru | ForEach-Object Id").EnsureSuccess();
            Assert.Equal(Enumerable.Range(1001, 40).Select(i => (long)i), r.Output.Select(o => (long)o.BaseObject));
            Assert.Equal(40, Requests("PUT").Count);
            // Up to eight in flight: the requests overlap rather than following one another (counted by the sandbox, not timed).
            Assert.InRange(Sandbox.Control.MaxConcurrentRequests, 2, 8);
        }

        [Fact]
        public void A_missing_lead_is_a_non_terminating_error_and_the_rest_go_on()
        {
            var r = RunConnected("1001, 999999, 1002 | Set-PplLead -Title 'Renamed' -PassThru");
            Assert.Equal(2, r.Output.Count);
            AssertError(Assert.Single(r.Errors), "Ppl.LeadNotFound", ErrorCategory.ObjectNotFound, 999999L);
        }

        [Fact]
        public void Direct_assignment_and_assignment_with_notification_use_their_own_calls()
        {
            var r = RunConnected(@"
                (New-PplLead -Title 'Unassigned one').Id | Set-PplLead -UserId 436 -PassThru
                (New-PplLead -Title 'Unassigned two').Id | Set-PplLeadOwner -UserId juliette@example.com -PassThru").EnsureSuccess();
            Assert.All(r.Output, o => Assert.Equal(436L, P<long?>(o, "UserId")));
            Assert.Single(Requests("PUT"));
            var assign = Assert.Single(Requests("POST", "/assign"));
            Assert.Equal("juliette@example.com", JsonDocument.Parse(assign.Body!).RootElement.GetProperty("user_id").GetString());
        }

        [Fact]
        public void A_lead_is_filed_in_a_client_folder()
        {
            var r = RunConnected("Set-PplLeadClientFolder -Id 1003 -ClientFolderId 13 -PassThru").EnsureSuccess();
            Assert.Equal(13L, P<long?>(r.Output[0], "ClientFolderId"));
            Assert.Equal(13, JsonDocument.Parse(Assert.Single(Requests("POST", "/add_to_client")).Body!).RootElement.GetProperty("client_id").GetInt32());
        }
    }
}
