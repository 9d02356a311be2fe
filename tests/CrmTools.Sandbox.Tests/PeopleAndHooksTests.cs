using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CrmTools.Sandbox.Tests;

public class PeopleAndHooksTests
{
    [Fact]
    public async Task Users_and_teams()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (_, users, _) = await Http.Get(c, "users");
        Assert.Equal(sb.Ppl.Users.Count, users.GetArrayLength());
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("firstname").GetString() == "Zoë" && u.GetProperty("lastname").GetString() == "Ångström");
        Assert.Single((await Http.Get(c, "users?role=admin")).json.EnumerateArray());
        Assert.Equal(3, (await Http.Get(c, "users?teams=Sales")).json.GetArrayLength());
        Assert.Equal(521, (await Http.Get(c, "users/jose.nunez%40example.com")).json.GetProperty("id").GetInt32());
        var (st, created, _) = await Http.Post(c, "users", new { email = "albert.einstein@genius.com", firstname = "Albert", lastname = "Einstein", is_admin = "true" });
        Assert.Equal(201, st);
        Assert.False(created.GetProperty("has_activated").GetBoolean());
        Assert.Equal(409, (await Http.Post(c, "users", new { email = "albert.einstein@genius.com" })).status);
        int uid = created.GetProperty("id").GetInt32();
        Assert.Equal(200, (await Http.Get(c, $"users/{uid}/send_activation_email")).status);
        Assert.Equal(304, (await Http.Get(c, "users/514/send_activation_email")).status);
        Assert.True((await Http.Put(c, $"users/{uid}/disable", null)).json.GetProperty("is_disabled").GetBoolean());

        var (ts, team, _) = await Http.Post(c, "teams", new { name = "Growth" });
        Assert.Equal(201, ts);
        int tid = team.GetProperty("id").GetInt32();
        (_, team, _) = await Http.Post(c, $"teams/{tid}/add_member", new { user_id = "zoe.angstrom@example.com", is_manager = true });
        Assert.True(team.GetProperty("users")[0].GetProperty("is_manager").GetBoolean());
        (_, team, _) = await Http.Delete(c, $"teams/{tid}/remove_member", new { user_id = 520 });
        Assert.Equal(0, team.GetProperty("users").GetArrayLength());
        Assert.Equal("Growth 2", (await Http.Put(c, $"teams/{tid}", new { name = "Growth 2" })).json.GetProperty("name").GetString());
        Assert.Equal(200, (await Http.Get(c, "teams/Growth 2")).status);
        Assert.Equal(tid, (await Http.Delete(c, $"teams/{tid}")).json.GetProperty("id").GetInt32());

        // a non-admin USER token cannot manage teams
        var tok = (await Http.Get(c, "auth/log_as?user_id=436")).json.GetProperty("token").GetString();
        Assert.Equal(401, (await Http.Post(Http.Client(sb, userToken: tok), "teams", new { name = "Nope" })).status);
    }

    [Fact]
    public async Task Spreadsheets()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (_, lists, _) = await Http.Get(c, "spreadsheets");
        Assert.Equal(2, lists.GetArrayLength());
        var content = new[] { new[] { "Company name", "Firstname", "Lastname", "Email", "Phone" }, new[] { "Acme Corp", "John", "Doe", "john.doe@acme.com", "654 234 7623" } };
        var (st, sheet, _) = await Http.Post(c, "spreadsheets", new { title = "ProspectV2", content, tags = new[] { "prospect", "peter" }, user_id = "stef@example.com" });
        Assert.Equal(201, st);
        int sid = sheet.GetProperty("id").GetInt32();
        Assert.Single(sheet.GetProperty("spreadsheet_rows").EnumerateArray());
        // content may also be a JSON string
        var (rs, rows, _) = await Http.Post(c, $"spreadsheets/{sid}/rows", new { content = "[[\"Green Corp\",\"Julia\",\"Green\",\"julia.green@example.com\",\"345 234 7777\"]]" });
        Assert.Equal(201, rs);
        int rowId = rows[0].GetProperty("id").GetInt32();
        var tooMany = Enumerable.Range(0, 101).Select(i => new[] { "C" + i }).ToArray();
        Assert.Equal(400, (await Http.Post(c, $"spreadsheets/{sid}/rows", new { content = tooMany })).status);
        var (_, row, _) = await Http.Put(c, $"spreadsheets/{sid}/rows/{rowId}", new { content = new[] { "Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 1111" } });
        Assert.Equal("345 234 1111", row.GetProperty("content")[4].GetString());
        var (ls, lead, _) = await Http.Post(c, $"spreadsheets/{sid}/rows/{rowId}/create_lead", null);
        Assert.Equal(201, ls);
        Assert.Equal("Green Corp", lead.GetProperty("title").GetString());
        Assert.Equal("Julia", lead.GetProperty("extended_info").GetProperty("fields").GetProperty("first_name").GetString());
        Assert.Equal(201, (await Http.Post(c, $"spreadsheets/{sid}/rows/{rowId}/comments", new { content = "Called" })).status);
        Assert.Equal(201, (await Http.Post(c, $"spreadsheets/{sid}/comments", new { content = "List comment" })).status);
        Assert.Equal(436, (await Http.Post(c, $"spreadsheets/{sid}/assign", new { user_id = 436 })).json.GetProperty("user").GetProperty("id").GetInt32());
        Assert.Equal(rowId, (await Http.Delete(c, $"spreadsheets/{sid}/rows/{rowId}")).json.GetProperty("id").GetInt32());
        Assert.True((await Http.Get(c, "rows/called_from?phone_number=%2B18015550100")).json.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Webhooks_are_delivered_signed()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);

        var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        tcp.Stop();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var received = receiver.GetContextAsync();

        var target = $"http://127.0.0.1:{port}/hook";
        var (st, hook, _) = await Http.Post(c, "webhooks", new { @event = "lead.creation", target_type = "url", target, name = "My webhook" });
        Assert.Equal(201, st);
        var (dupStatus, dup, _) = await Http.Post(c, "webhooks", new { @event = "lead.creation", target_type = "url", target });
        Assert.Equal(409, dupStatus);
        Assert.Equal("already_exist", dup.GetProperty("type").GetString());
        Assert.Single((await Http.Get(c, "webhooks")).json.EnumerateArray());

        var (_, lead, _) = await Http.Post(c, "leads", new { title = "Hooked", description = "Email: h@example.com" });
        var ctx = await received.WaitAsync(TimeSpan.FromSeconds(10));
        var body = await new StreamReader(ctx.Request.InputStream).ReadToEndAsync();
        ctx.Response.StatusCode = 200;
        ctx.Response.Close();
        var ev = JsonDocument.Parse(body).RootElement.GetProperty("webhook_event");
        Assert.Equal("lead.creation", ev.GetProperty("event").GetString());
        var id = ev.GetProperty("id").GetInt32();
        var expected = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(id + sb.Ppl.ApiKey))).ToLowerInvariant();
        Assert.Equal(expected, ev.GetProperty("signature").GetString());
        Assert.Equal(lead.GetProperty("id").GetInt32(), ev.GetProperty("data").GetProperty("id").GetInt32());

        // the delivery is recorded
        JsonElement recorded = default;
        for (int i = 0; i < 50; i++)
        {
            recorded = (await Http.Get(c, $"webhook_events/{id}")).json;
            if (recorded.GetProperty("has_succeeded").GetBoolean()) break;
            await Task.Delay(100);
        }
        Assert.True(recorded.GetProperty("has_succeeded").GetBoolean());
        Assert.Equal(200, recorded.GetProperty("last_returned_code").GetInt32());
        Assert.Single((await Http.Get(c, "webhook_events")).json.EnumerateArray());
        Assert.Equal(200, (await Http.Delete(c, $"webhooks/{hook.GetProperty("id").GetInt32()}")).status);
        Assert.Equal(0, (await Http.Get(c, "webhooks")).json.GetArrayLength());
    }
}
