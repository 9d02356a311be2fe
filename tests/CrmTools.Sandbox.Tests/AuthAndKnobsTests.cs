using System.Net;
using System.Text.Json;
using Xunit;

namespace CrmTools.Sandbox.Tests;

public class AuthAndKnobsTests
{
    [Fact]
    public async Task Ping_needs_a_valid_key()
    {
        using var sb = CrmSandbox.Start();
        Assert.StartsWith("http://127.0.0.1:", sb.BaseUri.ToString());
        Assert.Equal(new Uri(sb.BaseUri, "ppl/"), sb.Ppl.AccountUri);

        var (status, json, _) = await Http.Get(Http.Client(sb, sb.Ppl.ApiKey), "ping");
        Assert.Equal(200, status);
        Assert.Equal("Your API key is correct.", json.GetProperty("message").GetString());

        (status, json, _) = await Http.Get(Http.Client(sb), "ping");
        Assert.Equal(401, status);
        Assert.Equal("unauthorized_missing_token", json.GetProperty("type").GetString());
        Assert.Equal(401, json.GetProperty("error").GetInt32());

        (status, json, _) = await Http.Get(Http.Client(sb, "nope"), "ping");
        Assert.Equal(401, status);
        Assert.Equal("unauthorized_invalid_token", json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Login_log_as_and_logout()
    {
        using var sb = CrmSandbox.Start();
        var admin = sb.Ppl.Users.First(u => u.IsAdmin);
        var c = Http.Client(sb);
        c.DefaultRequestHeaders.Authorization = Http.Basic(admin.Email, admin.Password);
        var (status, json, _) = await Http.Get(c, "auth/login");
        Assert.Equal(200, status);
        var token = json.GetProperty("token").GetString()!;
        Assert.Equal(admin.Id, json.GetProperty("user_id").GetInt32());
        Assert.Equal("USD", json.GetProperty("currency").GetProperty("code").GetString());
        Assert.Equal("sandbox", json.GetProperty("slug").GetString());

        c.DefaultRequestHeaders.Authorization = Http.Basic(admin.Email, "wrong");
        (status, json, _) = await Http.Get(c, "auth/login");
        Assert.Equal(401, status);
        Assert.Equal("Invalid login or password", json.GetProperty("message").GetString());

        var user = Http.Client(sb, userToken: token);
        Assert.Equal(200, (await Http.Get(user, "ping")).status);
        (status, json, _) = await Http.Get(user, "auth/log_as?user_id=436");
        Assert.Equal(401, status);
        Assert.StartsWith("Unauthorized: you cannot use this action with a USER token", json.GetProperty("message").GetString());

        var key = Http.Client(sb, sb.Ppl.ApiKey);
        (status, json, _) = await Http.Get(key, "auth/log_as?user_id=juliette@example.com");
        Assert.Equal(200, status);
        Assert.Equal(436, json.GetProperty("user_id").GetInt32());

        Assert.Equal(200, (await Http.Get(user, "auth/logout")).status);
        Assert.Equal(304, (await Http.Get(user, "auth/logout")).status);
        Assert.Equal(401, (await Http.Get(user, "ping")).status);
    }

    [Fact]
    public async Task Quota_gives_429_with_retry_headers()
    {
        using var sb = CrmSandbox.Start(new SandboxOptions { PplDailyQuota = 3 });
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        for (int i = 0; i < 3; i++) Assert.Equal(200, (await Http.Get(c, "ping")).status);
        var (status, json, res) = await Http.Get(c, "ping");
        Assert.Equal(429, status);
        Assert.Equal("Too many requests", json.GetProperty("message").GetString());
        Assert.Equal("too_many_requests", json.GetProperty("type").GetString());
        var seconds = int.Parse(res.Headers.GetValues("API-RETRY-AFTER").Single());
        Assert.InRange(seconds, 1, 86400);
        Assert.Equal(TimeSpan.FromSeconds(seconds), res.Headers.RetryAfter!.Delta);
        Assert.Equal(3, sb.Ppl.RequestsToday);
        sb.Ppl.ResetQuota();
        Assert.Equal(200, (await Http.Get(c, "ping")).status);
    }

    [Fact]
    public async Task Faults_latency_and_log()
    {
        using var sb = CrmSandbox.Start();
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        sb.Control.InjectFault(new SandboxFault { PathContains = "/leads", Status = 503, Times = 2, RetryAfter = "1", PplRetryAfter = "2" });
        Assert.Equal(200, (await Http.Get(c, "ping")).status);
        var (status, json, res) = await Http.Get(c, "leads");
        Assert.Equal(503, status);
        Assert.Equal(503, json.GetProperty("error").GetInt32());
        Assert.Equal("2", res.Headers.GetValues("API-RETRY-AFTER").Single());
        Assert.Equal(TimeSpan.FromSeconds(1), res.Headers.RetryAfter!.Delta);
        Assert.Equal(503, (await Http.Get(c, "leads")).status);
        Assert.Equal(200, (await Http.Get(c, "leads")).status);

        sb.Control.InjectFault(new SandboxFault { Drop = true });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Http.Client(sb, sb.Ppl.ApiKey).GetAsync("ping"));
        Assert.Equal(200, (await Http.Get(c, "ping")).status);
        sb.Control.InjectFault(new SandboxFault { Drop = true, PathContains = "/ping" });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => c.GetAsync("ping")); // reused keep-alive connection
        Assert.Equal(200, (await Http.Get(c, "ping")).status);

        sb.Control.LatencyMs = 150;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await Http.Get(c, "ping");
        Assert.True(sw.ElapsedMilliseconds >= 140);
        sb.Control.LatencyMs = 0;

        Assert.Equal(3, sb.Control.CountRequests("/leads"));
        Assert.Equal(3, sb.Control.CountRequests("/LEADS", "get"));
        Assert.Equal(0, sb.Control.CountRequests("/leads", "POST"));
        var last = sb.Control.Requests.Last();
        Assert.Equal(sb.Ppl.ApiKey, last.Headers["x-api-key"]);
        Assert.Equal("/ppl/api/v2/ping", last.Path);
        Assert.Equal(200, last.Status);
        Assert.Contains(sb.Control.Requests, r => r.Status == 0);
        sb.Control.ResetRequestLog();
        Assert.Empty(sb.Control.Requests);
    }
}
