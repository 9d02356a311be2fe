using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Sandbox;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>
    /// Base of the listener's end-to-end tests: a session with the packaged module, the shared sandbox (reset), a
    /// fresh spool folder, and helpers to start a listener, post deliveries and register sandbox webhooks. Listeners
    /// belong to the process, so each test stops only its own ($global:listener).
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public abstract class WebhookTestBase : IDisposable
    {
        protected static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        private readonly List<long> _sandboxHooks = new List<long>();

        protected WebhookTestBase(SandboxFixture fixture)
        {
            Fixture = fixture;
            fixture.Reset();
            Session = new PsSession();
            Spool = new TempFolder("crmtools-webhooks");
        }

        protected SandboxFixture Fixture { get; }
        protected CrmSandbox Sandbox => Fixture.Sandbox;
        protected PsSession Session { get; }
        protected TempFolder Spool { get; }
        protected string ApiKey => Sandbox.Ppl.ApiKey;

        /// <summary>The service addresses of the listener started last (ppl, limego, userlike as enabled).</summary>
        protected Dictionary<string, string> Urls { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        protected PsResult Run(string script, Dictionary<string, object?>? extra = null)
        {
            var parameters = new Dictionary<string, object?>
            {
                ["PplUri"] = Sandbox.Ppl.AccountUri,
                ["PplKey"] = Secure(ApiKey),
                ["Sandbox"] = Sandbox,
                ["Spool"] = Spool.Path,
            };
            if (extra != null) foreach (var pair in extra) parameters[pair.Key] = pair.Value;
            return Session.Run(script, parameters);
        }

        /// <summary>Starts $global:listener on a free loopback port with <paramref name="arguments"/>.</summary>
        protected void StartListener(string arguments, string before = "")
        {
            var r = Run(before + "\n$global:listener = Start-CrmWebhookListener -Prefix http://127.0.0.1:0/hooks/ -SpoolPath $Spool " + arguments +
                        "\n$global:listener.Endpoints | ForEach-Object { '{0}|{1}' -f $_.Service, $_.Urls[0] }").EnsureSuccess();
            Urls.Clear();
            foreach (var line in r.Output.Select(o => o.ToString()))
            {
                var parts = line.Split('|');
                Urls[parts[0]] = parts[1];
            }
        }

        /// <summary>A property of the running listener.</summary>
        protected object? Listener(string property) => Run("$global:listener." + property).EnsureSuccess().Output.Single().BaseObject;

        protected string[] ListenerLog() => Run("$global:listener.RecentLog").EnsureSuccess().Output.Select(o => o.ToString()).ToArray();

        protected static async Task<HttpResponseMessage> Post(string url, string body, string contentType = "application/json")
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return await Http.PostAsync(url, content);
        }

        protected int PendingFiles => Directory.Exists(Spool.Sub("pending")) ? Directory.GetFiles(Spool.Sub("pending")).Length : 0;

        /// <summary>Waits until the spool holds <paramref name="count"/> deliveries.</summary>
        protected async Task WaitForPending(int count, int timeoutMs = 15_000)
        {
            var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (PendingFiles < count && DateTime.UtcNow < until) await Task.Delay(50);
            Assert.True(PendingFiles >= count, $"{PendingFiles} of {count} deliveries arrived in the spool");
        }

        // The sandbox's ProPipelines API, with the API key (as a user of the service would register a webhook).
        protected async Task<JsonElement> SandboxApi(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(Sandbox.Ppl.AccountUri, "api/v2/" + path));
            request.Headers.Add("X-API-KEY", ApiKey);
            if (body != null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        protected async Task RegisterSandboxWebhook(string eventName, string target)
        {
            var hook = await SandboxApi(HttpMethod.Post, "webhooks", new Dictionary<string, object> { ["event"] = eventName, ["target_type"] = "url", ["target"] = target });
            _sandboxHooks.Add(hook.GetProperty("id").GetInt64());
        }

        /// <summary>Registers a webhook as a user would, with Register-PplWebhook (the session must be connected).</summary>
        protected void RegisterPplWebhook(string eventName, string target)
        {
            var r = Run("(Register-PplWebhook -Event $Event -Uri $Target -Name 'webhook listener test').Id",
                new Dictionary<string, object?> { ["Event"] = eventName, ["Target"] = target }).EnsureSuccess();
            _sandboxHooks.Add(Convert.ToInt64(r.Output.Single().BaseObject));
        }

        protected async Task<long> CreateSandboxLead(string title)
        {
            var lead = await SandboxApi(HttpMethod.Post, "leads", new Dictionary<string, object> { ["title"] = title, ["description"] = "Email: " + title.Replace(' ', '.') + "@example.com" });
            return lead.GetProperty("id").GetInt64();
        }

        protected static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

        protected static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

        public void Dispose()
        {
            try
            {
                Session.Run("if ($global:listener) { $global:listener | Stop-CrmWebhookListener }");
                foreach (var id in _sandboxHooks)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Sandbox.Ppl.AccountUri, "api/v2/webhooks/" + id));
                    request.Headers.Add("X-API-KEY", ApiKey);
                    Http.Send(request).Dispose();
                }
            }
            finally
            {
                Session.Dispose();
                Spool.Dispose();
                GC.SuppressFinalize(this);
            }
        }
    }
}
