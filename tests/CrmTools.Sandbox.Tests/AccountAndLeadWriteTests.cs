using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CrmTools.Sandbox.Tests;

public class AccountAndLeadWriteTests
{
    private static string Msg(JsonElement e) => e.GetProperty("message").GetString()!;

    [Fact]
    public async Task Structure_endpoints()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (_, steps, _) = await Http.Get(c, "steps");
        Assert.Equal(6, steps.GetArrayLength());
        Assert.Equal("Incoming", steps[0].GetProperty("name").GetString());
        Assert.Equal("Sales funnel", steps[0].GetProperty("pipeline").GetProperty("name").GetString());
        (_, steps, _) = await Http.Get(c, "steps?direction=desc");
        Assert.Equal("Paid", steps[0].GetProperty("name").GetString());
        Assert.Equal(1190, (await Http.Get(c, "steps/In-touch")).json.GetProperty("id").GetInt32());
        Assert.Equal("Closing", (await Http.Get(c, "steps/1191")).json.GetProperty("name").GetString());
        Assert.Equal(404, (await Http.Get(c, "steps/Nope")).status);
        Assert.Equal(2, (await Http.Get(c, "pipelines")).json.GetArrayLength());

        var (_, cats, _) = await Http.Get(c, "categories?include_tags=true");
        Assert.Equal(3, cats[0].GetProperty("supertags").GetArrayLength());
        var (st, cat, _) = await Http.Post(c, "category", new { name = "Size" });
        Assert.Equal(201, st);
        var (st2, tag, _) = await Http.Post(c, "predefined_tags", new { name = "XL", category_id = cat.GetProperty("id").GetInt32() });
        Assert.Equal(201, st2);
        Assert.Equal("Size", tag.GetProperty("category").GetString());
        Assert.Equal(7, (await Http.Get(c, "predefined_tags")).json.GetArrayLength());

        Assert.All((await Http.Get(c, "fields?type=client")).json.EnumerateArray(), f => Assert.Equal("client", f.GetProperty("parent_type").GetString()));
        var (fs, field, _) = await Http.Post(c, "fields", new { name = "Country", parent_type = "lead", type = "country", is_key = true });
        Assert.Equal(201, fs);
        Assert.True(field.GetProperty("is_key").GetBoolean());
        Assert.Equal(400, (await Http.Post(c, "fields", new { name = "X", parent_type = "deal" })).status);
        Assert.Equal(5, (await Http.Get(c, "activities")).json.GetArrayLength());
    }

    [Fact]
    public async Task Client_folders_crud()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (_, list, _) = await Http.Get(c, "clients");
        var names = list.EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), names);
        var (st, created, _) = await Http.Post(c, "clients", new { name = "Blue Client", description = "Address: 2344 Paradise Av, Eden CA 90001", user_id = "stef@example.com" });
        Assert.Equal(201, st);
        Assert.Equal("2344 Paradise Av, Eden CA 90001", created.GetProperty("extended_info").GetProperty("fields").GetProperty("address").GetString());
        int id = created.GetProperty("id").GetInt32();
        var (_, updated, _) = await Http.Put(c, $"clients/{id}", new { name = "Blue Corp", is_active = false });
        Assert.False(updated.GetProperty("is_active").GetBoolean());
        Assert.Equal(id, (await Http.Delete(c, $"clients/{id}")).json.GetProperty("id").GetInt32());
        Assert.Equal(404, (await Http.Get(c, $"clients/{id}")).status);
    }

    [Fact]
    public async Task Lead_create_update_rules_and_delete()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (st, lead, _) = await Http.Post(c, "leads", new { title = "Awesome Company", description = "Firstname: John\nLastname: Doe\nEmail: john.doe@company.com", tags = new[] { "prospect", "google" } });
        Assert.Equal(201, st);
        Assert.Equal(JsonValueKind.Null, lead.GetProperty("user_id").ValueKind);
        Assert.Equal("Todo", lead.GetProperty("status").GetString());
        Assert.Equal("John", lead.GetProperty("extended_info").GetProperty("fields_by_name").GetProperty("Firstname").GetString());
        Assert.Equal("john.doe@company.com", lead.GetProperty("extended_info").GetProperty("fields").GetProperty("email").GetString());
        Assert.Equal(new[] { "google", "prospect" }, lead.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        int id = lead.GetProperty("id").GetInt32();
        Assert.Equal(422, (await Http.Post(c, "leads", new { title = "No description" })).status);

        var (s400, err, _) = await Http.Put(c, $"leads/{id}", new { status = "won" });
        Assert.Equal(400, s400);
        Assert.Equal("You cannot update the parameters status, step, starred, amount or probability without assigning the lead first.", Msg(err));

        var (_, assigned, _) = await Http.Post(c, $"leads/{id}/assign", new { user_id = "juliette@example.com" });
        Assert.Equal(436, assigned.GetProperty("user_id").GetInt32());
        Assert.Equal(5, assigned.GetProperty("team_id").GetInt32());

        Assert.Equal("A probability cannot be set without an amount", Msg((await Http.Put(c, $"leads/{id}", new { probability = 50 })).json));
        Assert.Equal("Missing parameter: remind_at is required when status is changed to standby", Msg((await Http.Put(c, $"leads/{id}", new { status = "standby" })).json));
        Assert.Equal(400, (await Http.Put(c, $"leads/{id}", new { status = "standby", remind_date = "2026-12-01", remind_time = "09:10" })).status);
        Assert.Equal(400, (await Http.Put(c, $"leads/{id}", new { remind_date = "01/12/2026" })).status);
        Assert.Equal(400, (await Http.Put(c, $"leads/{id}", new { reminder_duration = 17 })).status);
        Assert.Equal("Parameter [status] not recognized.", Msg((await Http.Put(c, $"leads/{id}", new { status = "open" })).json));
        Assert.Equal(400, (await Http.Put(c, $"leads/{id}", new { step = "Nope" })).status);

        var (ok, upd, _) = await Http.Put(c, $"leads/{id}", new { amount = 1562.89, probability = 85, step = "In-touch", status = "standby", remind_date = "2026-12-01", remind_time = "09:15", reminder_duration = 30, starred = true });
        Assert.Equal(200, ok);
        Assert.Equal("In-touch", upd.GetProperty("step").GetString());
        Assert.Equal("Standby", upd.GetProperty("status").GetString());
        Assert.Equal("2026-12-01T09:15:00.000Z", upd.GetProperty("reminder_at").GetString());
        (_, upd, _) = await Http.Put(c, $"leads/{id}", new { status = "won" });
        Assert.NotEqual(JsonValueKind.Null, upd.GetProperty("closed_at").ValueKind);

        var (_, hist, _) = await Http.Get(c, $"leads/{id}/action_histories");
        var types = hist.EnumerateArray().Select(h => h.GetProperty("action_type").GetString()).ToList();
        Assert.Contains("lead_created", types);
        Assert.Contains("status_changed", types);
        Assert.Single((await Http.Get(c, $"leads/{id}/action_histories?action_type=step_changed&action_value=In-touch")).json.EnumerateArray());

        var (_, toClient, _) = await Http.Post(c, $"leads/{id}/add_to_client", new { client_id = 12 });
        Assert.Equal("Acme", toClient.GetProperty("client_folder_name").GetString());

        Assert.Equal(id, (await Http.Delete(c, $"leads/{id}")).json.GetProperty("id").GetInt32());
        Assert.Equal(404, (await Http.Get(c, $"leads/{id}")).status);

        // delete_multiple: ids in the query string or in a JSON body
        var (_, failed, _) = await Http.Delete(c, "leads/delete_multiple?ids=1001,1002,999999");
        Assert.Equal(new[] { 999999 }, failed.EnumerateArray().Select(x => x.GetInt32()));
        (_, failed, _) = await Http.Delete(c, "leads/delete_multiple", new { ids = "1003,1004,1001" });
        Assert.Equal(new[] { 1001 }, failed.EnumerateArray().Select(x => x.GetInt32()));
        (_, failed, _) = await Http.Delete(c, "leads/delete_multiple", new { ids = new[] { 1005 } });
        Assert.Equal(0, failed.GetArrayLength());
        Assert.Equal(295, sb.Ppl.LeadCount);
    }

    [Fact]
    public async Task User_token_creates_own_leads_and_cannot_pass_user_id()
    {
        using var sb = CrmSandbox.Start();
        var key = Http.Client(sb, sb.Ppl.ApiKey);
        var token = (await Http.Get(key, "auth/log_as?user_id=520")).json.GetProperty("token").GetString();
        var u = Http.Client(sb, userToken: token);
        var (st, lead, _) = await Http.Post(u, "leads", new { title = "Zoë's lead", description = "Email: z@example.com" });
        Assert.Equal(201, st);
        Assert.Equal(520, lead.GetProperty("user_id").GetInt32());
        Assert.Equal(400, (await Http.Post(u, "leads", new { title = "x", description = "y", user_id = 514 })).status);
        // not her lead: invisible
        var other = (await Http.Get(key, "leads?user_id=514&limit=1")).json[0].GetProperty("id").GetInt32();
        Assert.Equal(404, (await Http.Get(u, $"leads/{other}")).status);
        Assert.Equal(401, (await Http.Get(u, "webhooks")).status);
    }

    [Fact]
    public async Task Comments_duplicates_attachments_email()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (st, com, _) = await Http.Post(c, "leads/1001/comments", new { content = "This is wonderful", user_id = 514, activity_id = 271, is_pinned = true });
        Assert.Equal(201, st);
        Assert.Equal("Lead", com.GetProperty("commented_item").GetProperty("item").GetString());
        int cid = com.GetProperty("id").GetInt32();
        var (_, list, _) = await Http.Get(c, "leads/1001/comments");
        Assert.Equal(cid, list[0].GetProperty("id").GetInt32()); // newest first by default
        Assert.Equal(cid, (await Http.Delete(c, $"leads/1001/comments/{cid}")).json.GetProperty("id").GetInt32());

        var (_, orig, _) = await Http.Get(c, "leads/1001");
        var email = orig.GetProperty("extended_info").GetProperty("first_contact_email").GetString();
        var (_, dup, _) = await Http.Post(c, "leads", new { title = orig.GetProperty("title").GetString(), description = "Email: " + email });
        var (_, dups, _) = await Http.Get(c, "leads/1001/duplicates");
        var match = dups.EnumerateArray().Single(d => d.GetProperty("lead").GetProperty("id").GetInt32() == dup.GetProperty("id").GetInt32());
        Assert.Contains(match.GetProperty("matches").EnumerateArray(), m => m[0].GetString() == "Email");

        // multipart upload
        var mp = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        mp.Add(file, "attachment", "file.txt");
        var res = await c.PostAsync("leads/1001/attachments", mp);
        Assert.Equal(201, (int)res.StatusCode);
        var att = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("file.txt", att.GetProperty("name").GetString());
        Assert.Equal("text/plain", att.GetProperty("content_type").GetString());
        // JSON base64 upload
        var (js, att2, _) = await Http.Post(c, "leads/1001/attachments", new { attachment = new { name = "b.bin", content = Convert.ToBase64String(new byte[] { 1, 2, 3 }), content_type = "application/octet-stream" } });
        Assert.Equal(201, js);
        Assert.Equal(2, (await Http.Get(c, "leads/1001/attachments")).json.GetArrayLength());
        var url = (await Http.Get(c, $"leads/1001/attachments/{att.GetProperty("id").GetInt32()}")).json.GetProperty("url").GetString()!;
        Assert.Equal("hello", await new HttpClient().GetStringAsync(url));
        Assert.Equal(2, (await Http.Get(c, "leads/1001")).json.GetProperty("attachment_count").GetInt32());
        Assert.Equal(200, (await Http.Delete(c, $"leads/1001/attachments/{att2.GetProperty("id").GetInt32()}")).status);

        var (es, sent, _) = await Http.Post(c, "leads/1001/emails/send_email_from_template", new { email_template_id = 10 });
        Assert.Equal(200, es);
        Assert.Equal("Sending email...", Msg(sent));
        Assert.Equal(404, (await Http.Post(c, "leads/1001/emails/send_email_from_template", new { email_template_id = 99 })).status);
    }
}
