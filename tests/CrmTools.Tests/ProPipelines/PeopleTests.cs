using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.ProPipelines
{
    /// <summary>Users and teams.</summary>
    public class PeopleTests : PplCommandTestBase
    {
        public PeopleTests(SandboxFixture fixture) : base(fixture) { }

        private static string UniqueEmail() => "user-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "@example.com";

        [Fact]
        public void Users_are_filtered_with_every_documented_filter()
        {
            var r = RunConnected(@"Get-PplUser -Role non-admin -Status activated -Team 'Web Sales' -Direction desc
                Get-PplUser -Email stef@example.com -FirstName Stéphanie -LastName Stone").EnsureSuccess();
            var query = Uri.UnescapeDataString(Requests("GET", "/users")[0].Query);
            foreach (var part in new[] { "role=non-admin", "status=activated", "teams=Web Sales", "direction=desc" }) Assert.Contains(part, query);
            Assert.Equal(new long[] { 518, 436 }, r.Output.Take(2).Select(o => P<long>(o, "Id")));
            Assert.Equal(514L, P<long>(r.Output[2], "Id"));
        }

        [Fact]
        public void Users_are_read_by_id_or_e_mail_and_from_the_pipeline()
        {
            var r = RunConnected("Get-PplUser -Id 436, stef@example.com; Get-PplUser -Role admin | Get-PplUser").EnsureSuccess();
            Assert.Equal("Juliette", P<string>(r.Output[0], "FirstName"));
            Assert.True(P<bool?>(r.Output[1], "IsAdmin"));
            Assert.Equal(514L, P<long>(r.Output[2], "Id"));
        }

        [Fact]
        public void A_user_is_created_invited_once_and_disabled()
        {
            var email = UniqueEmail();
            var r = RunConnected(@"
                $u = New-PplUser -Email $email -FirstName Albert -LastName Einstein
                $u
                $u | Send-PplUserActivation -Verbose
                $u | Disable-PplUser -Force -PassThru", new() { ["email"] = email }).EnsureSuccess();
            Assert.Equal(email, P<string>(r.Output[0], "Email"));
            var body = JsonDocument.Parse(Assert.Single(Requests("POST", "/users")).Body!).RootElement;
            Assert.True(body.GetProperty("dont_send_email").GetBoolean());
            Assert.Contains(r.Verbose, v => v.Contains("activation e-mail was sent"));
            Assert.True(P<bool?>(r.Output[1], "IsDisabled"));
        }

        [Fact]
        public void Sending_the_activation_to_an_active_user_warns_and_is_not_an_error()
        {
            var r = RunConnected("Send-PplUserActivation -Id 436").EnsureSuccess();
            Assert.Contains(r.Warning, w => w.Contains("already activated"));
        }

        [Fact]
        public void Disabling_asks_for_confirmation_and_stops_on_no()
        {
            Session.Answer("N");
            RunConnected("Disable-PplUser -Id 524");
            Assert.Empty(Requests("PUT"));
        }

        [Fact]
        public void Teams_round_trip_with_members_and_the_manager_flag()
        {
            var r = RunConnected(@"
                $t = New-PplTeam -Name 'Key Accounts'
                Add-PplTeamMember -TeamId $t.Id -UserId 436 -Manager -PassThru
                Get-PplUser -Id 518 | Add-PplTeamMember -TeamId $t.Id -PassThru
                Remove-PplTeamMember -TeamId $t.Id -UserId 518 -PassThru
                $t | Set-PplTeam -Name 'Key Accounts EU' -PassThru
                Get-PplTeam -Id 'Key Accounts EU'
                $t | Remove-PplTeam -Force
                @(Get-PplTeam | Where-Object Id -eq $t.Id).Count").EnsureSuccess();
            Assert.Single((Array)r.Output[0].Properties["Users"].Value);
            Assert.Equal(2, ((Array)r.Output[1].Properties["Users"].Value).Length);
            Assert.Single((Array)r.Output[2].Properties["Users"].Value);
            Assert.Equal("Key Accounts EU", P<string>(r.Output[3], "Name"));
            Assert.Equal("Key Accounts EU", P<string>(r.Output[4], "Name"));
            Assert.Equal(0, (int)r.Output[5].BaseObject);
            var add = JsonDocument.Parse(Requests("POST", "/add_member")[0].Body!).RootElement;
            Assert.True(add.GetProperty("is_manager").GetBoolean());
            Assert.Equal(436, add.GetProperty("user_id").GetInt32());
        }
    }
}
