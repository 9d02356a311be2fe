using System.Text.Json;
using Xunit;

namespace CrmTools.Sandbox.Tests;

public class LeadsReadTests
{
    private static IEnumerable<JsonElement> Items(JsonElement a) => a.EnumerateArray();

    [Fact]
    public async Task List_pages_with_total_and_default_order()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (status, json, res) = await Http.Get(c, "leads");
        Assert.Equal(200, status);
        Assert.Equal(100, json.GetArrayLength());
        int total = Http.Total(res);
        Assert.InRange(total, 200, 299); // unassigned leads are excluded by default
        var ids = Items(json).Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.OrderByDescending(i => i), ids);
        Assert.All(Items(json), e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("user_id").ValueKind));

        (_, var all, res) = await Http.Get(c, "leads?include_unassigned=true&limit=1000");
        Assert.Equal(300, Http.Total(res));
        Assert.Equal(300, all.GetArrayLength());

        (_, var page, _) = await Http.Get(c, "leads?direction=asc&limit=10&offset=20");
        Assert.Equal(10, page.GetArrayLength());
        (_, var lastPage, _) = await Http.Get(c, $"leads?limit=100&offset={total - 5}");
        Assert.Equal(5, lastPage.GetArrayLength());
    }

    [Fact]
    public async Task Filters_and_errors()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (_, json, _) = await Http.Get(c, "leads?status=won,lost&limit=500");
        Assert.All(Items(json), e => Assert.Contains(e.GetProperty("status").GetString(), new[] { "won", "lost" }));
        (_, json, _) = await Http.Get(c, "leads?step=In-touch&limit=500");
        Assert.All(Items(json), e => Assert.Equal("In-touch", e.GetProperty("step").GetString()));
        (_, json, _) = await Http.Get(c, "leads?user_id=juliette@example.com&limit=500");
        Assert.True(json.GetArrayLength() > 0);
        Assert.All(Items(json), e => Assert.Equal(436, e.GetProperty("user_id").GetInt32()));
        (_, json, _) = await Http.Get(c, "leads?starred=true&limit=500");
        Assert.All(Items(json), e => Assert.True(e.GetProperty("starred").GetBoolean()));
        (_, json, _) = await Http.Get(c, "leads?tags[]=prospect&tags[]=google&limit=500");
        Assert.All(Items(json), e => Assert.Contains("google", e.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));

        (_, json, _) = await Http.Get(c, "leads?updated_after=2026-10-01T00:00:00Z&limit=500");
        Assert.All(Items(json), e => Assert.True(DateTime.Parse(e.GetProperty("updated_at").GetString()!).ToUniversalTime() >= new DateTime(2026, 10, 1)));
        Assert.Equal(200, (await Http.Get(c, "leads?updated_after=2026-10-01T00:00:00.000Z")).status);
        Assert.Equal(200, (await Http.Get(c, "leads?updated_after=2026-10-01%2000:00:00")).status);
        Assert.Equal(200, (await Http.Get(c, "leads?start_date=2026-01-01&end_date=2026-02-01&date_range_type=closed")).status);

        var (status, err, _) = await Http.Get(c, "leads?status=open");
        Assert.Equal(400, status);
        Assert.Equal("Parameter [status] not recognized.", err.GetProperty("message").GetString());
        Assert.Equal("bad_parameter_format", err.GetProperty("type").GetString());
        (status, err, _) = await Http.Get(c, "leads?step=Nope");
        Assert.Equal("Parameter [step] not recognized.", err.GetProperty("message").GetString());
        (status, err, _) = await Http.Get(c, "leads?user_id=nobody@example.com");
        Assert.Equal("Parameter [user_id] not recognized.", err.GetProperty("message").GetString());
        (status, err, _) = await Http.Get(c, "leads?updated_after=yesterday");
        Assert.Equal(400, status);
        Assert.Equal("The date updated_after is not formatted properly", err.GetProperty("message").GetString());

        // email in description
        (_, var one, _) = await Http.Get(c, "leads/1001");
        var email = one.GetProperty("extended_info").GetProperty("first_contact_email").GetString()!;
        (_, json, _) = await Http.Get(c, "leads?include_unassigned=true&email=" + Uri.EscapeDataString(email));
        Assert.Contains(1001, Items(json).Select(e => e.GetProperty("id").GetInt32()));
        (_, json, _) = await Http.Get(c, "leads?include_unassigned=true&field_key=Email&field_value=" + Uri.EscapeDataString(email));
        Assert.Contains(1001, Items(json).Select(e => e.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Orders_work()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        foreach (var order in new[] { "id", "creation_date", "last_update", "next_action", "sale_step", "amount", "probability", "probalized_amount", "alphabetically" })
            Assert.Equal(200, (await Http.Get(c, "leads?order=" + order + "&direction=asc")).status);
        var (_, json, _) = await Http.Get(c, "leads?order=amount&direction=desc&limit=500");
        var amounts = Items(json).Select(e => e.GetProperty("amount")).Where(a => a.ValueKind == JsonValueKind.Number).Select(a => a.GetDouble()).ToList();
        Assert.Equal(amounts.OrderByDescending(a => a), amounts);
        Assert.Equal(400, (await Http.Get(c, "leads?order=colour")).status);
    }

    [Fact]
    public async Task Single_lead_unassigned_and_user_scope()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var (status, lead, _) = await Http.Get(c, "leads/1001");
        Assert.Equal(200, status);
        Assert.True(lead.TryGetProperty("extended_info", out var ext));
        Assert.True(ext.GetProperty("fields_by_name").TryGetProperty("Firstname", out _));
        var (s404, err, _) = await Http.Get(c, "leads/999999");
        Assert.Equal(404, s404);
        Assert.Equal("Entry not found", err.GetProperty("message").GetString());
        Assert.Equal("not_found", err.GetProperty("type").GetString());

        var (_, un, res) = await Http.Get(c, "leads/unassigned?limit=5");
        Assert.Equal(5, un.GetArrayLength());
        Assert.All(Items(un), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("user_id").ValueKind));
        Assert.Equal(300 - Http.Total((await Http.Get(c, "leads")).res), Http.Total(res));

        // a non-admin user sees only their own leads
        var (_, tok, _) = await Http.Get(c, "auth/log_as?user_id=436");
        var user = Http.Client(sb, userToken: tok.GetProperty("token").GetString());
        var (_, mine, _) = await Http.Get(user, "leads?limit=500");
        Assert.True(mine.GetArrayLength() > 0);
        Assert.All(Items(mine), e => Assert.Equal(436, e.GetProperty("user_id").GetInt32()));
        (_, mine, _) = await Http.Get(user, "leads?limit=500&include_unassigned=true");
        Assert.All(Items(mine), e => Assert.True(e.GetProperty("user_id").ValueKind == JsonValueKind.Null || e.GetProperty("user_id").GetInt32() == 436));
    }

    [Fact]
    public async Task Seed_is_deterministic_and_SeedLeads_is_fast()
    {
        using var a = CrmSandbox.Start();
        using var b = CrmSandbox.Start();
        var ja = (await Http.Get(Http.Client(a, a.Ppl.ApiKey), "leads?limit=50")).json.GetRawText();
        var jb = (await Http.Get(Http.Client(b, b.Ppl.ApiKey), "leads?limit=50")).json.GetRawText();
        Assert.Equal(ja.Replace(a.BaseUri.ToString(), ""), jb.Replace(b.BaseUri.ToString(), ""));

        var sw = System.Diagnostics.Stopwatch.StartNew();
        a.Ppl.SeedLeads(100_000);
        Assert.True(sw.ElapsedMilliseconds < 5000, sw.ElapsedMilliseconds + " ms");
        Assert.Equal(100_000, a.Ppl.LeadCount);
        var c = Http.Client(a, a.Ppl.ApiKey);
        sw.Restart();
        for (int i = 0; i < 20; i++) Assert.Equal(100, (await Http.Get(c, $"leads?order=amount&limit=100&offset={i * 100}")).json.GetArrayLength());
        Assert.True(sw.ElapsedMilliseconds < 5000, sw.ElapsedMilliseconds + " ms");
    }
}
