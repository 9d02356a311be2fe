using Xunit;

namespace CrmTools.Sandbox.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Many_parallel_reads_and_writes()
    {
        using var sb = CrmSandbox.Start(new SandboxOptions { LatencyMs = 20, PplDailyQuota = 100_000 });
        var c = Http.Client(sb, sb.Ppl.ApiKey);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var writes = Enumerable.Range(0, 100).Select(i => Http.Post(c, "leads", new { title = "Parallel " + i, description = "Email: p" + i + "@example.com", user_id = 514 }));
        var reads = Enumerable.Range(0, 100).Select(i => Http.Get(c, $"leads?limit=10&offset={i}"));
        var results = await Task.WhenAll(writes.Concat(reads));
        Assert.All(results, r => Assert.True(r.status is 200 or 201, r.status.ToString()));
        Assert.True(sw.ElapsedMilliseconds < 5000, "requests must be served concurrently: " + sw.ElapsedMilliseconds);
        Assert.Equal(400, sb.Ppl.LeadCount);
        Assert.Equal(200, sb.Control.CountRequests("/leads"));
        var post = sb.Control.Requests.First(r => r.Method == "POST");
        Assert.Contains("Parallel", post.Body);
        Assert.Equal("application/json; charset=utf-8", post.Headers["Content-Type"]);
        Assert.Contains(sb.Control.Requests, r => r.Query == "limit=10&offset=3");
    }
}
