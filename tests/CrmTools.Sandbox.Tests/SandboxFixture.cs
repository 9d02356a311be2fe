using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmTools.Sandbox;

namespace CrmTools.Sandbox.Tests;

/// <summary>Helpers to call a sandbox over HTTP.</summary>
internal static class Http
{
    public static HttpClient Client(CrmSandbox sb, string? apiKey = null, string? userToken = null)
    {
        var c = new HttpClient { BaseAddress = new Uri(sb.Ppl.AccountUri, "api/v2/"), Timeout = TimeSpan.FromSeconds(20) };
        if (apiKey != null) c.DefaultRequestHeaders.Add("X-API-KEY", apiKey);
        if (userToken != null) c.DefaultRequestHeaders.Add("X-USER-TOKEN", userToken);
        return c;
    }

    public static async Task<(int status, JsonElement json, HttpResponseMessage res)> Send(HttpClient c, HttpMethod m, string path, object? body = null)
    {
        var req = new HttpRequestMessage(m, path);
        if (body != null) req.Content = new StringContent(body is string s ? s : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        var res = await c.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)res.StatusCode, json, res);
    }

    public static Task<(int status, JsonElement json, HttpResponseMessage res)> Get(HttpClient c, string path) => Send(c, HttpMethod.Get, path);
    public static Task<(int status, JsonElement json, HttpResponseMessage res)> Post(HttpClient c, string path, object? body) => Send(c, HttpMethod.Post, path, body);
    public static Task<(int status, JsonElement json, HttpResponseMessage res)> Put(HttpClient c, string path, object? body) => Send(c, HttpMethod.Put, path, body);
    public static Task<(int status, JsonElement json, HttpResponseMessage res)> Delete(HttpClient c, string path, object? body = null) => Send(c, HttpMethod.Delete, path, body);

    public static int Total(HttpResponseMessage res) => int.Parse(res.Headers.GetValues("X-TOTAL-COUNT").Single());

    public static AuthenticationHeaderValue Basic(string user, string pass) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + pass)));
}
