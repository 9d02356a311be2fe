using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using CrmTools.Engine.Webhooks;
using Xunit;

namespace CrmTools.Tests.Webhooks
{
    /// <summary>The listener driven from C# (no PowerShell): slow senders and a spool that cannot be written.</summary>
    public sealed class WebhookListenerEngineTests : IDisposable
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        private readonly TempFolder _dir = new TempFolder("crmtools-listener");
        private WebhookListener? _listener;

        private WebhookListener Start(Action<WebhookListenerOptions>? configure = null)
        {
            var options = new WebhookListenerOptions { SpoolPath = _dir.Path };
            options.Prefixes.Add("http://127.0.0.1:0/hooks/");
            options.Endpoints.Add(WebhookEndpoint.LimeGo(null));
            configure?.Invoke(options);
            return _listener = WebhookListener.Start(options);
        }

        private static Task<HttpResponseMessage> Post(string url, string body) =>
            Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        [Fact]
        public async Task A_sender_that_stalls_mid_body_is_cut_off_while_others_are_served()
        {
            var listener = Start(o => o.BodyTimeout = TimeSpan.FromSeconds(1));
            var uri = new Uri(listener.Urls[0]);
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, uri.Port);
            var stream = tcp.GetStream();
            var head = $"POST {uri.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1:{uri.Port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"id\":";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

            // Meanwhile another sender is served.
            Assert.Equal(HttpStatusCode.OK, (await Post(listener.Urls[0], "{\"id\":\"fast\"}")).StatusCode);

            var read = Task.Run(async () =>
            {
                try { return await stream.ReadAsync(new byte[4096]); }
                catch (IOException) { return 0; }
            });
            Assert.Same(read, await Task.WhenAny(read, Task.Delay(15_000)));
            Assert.Equal(0, await read); // the connection was closed without an answer
            for (int i = 0; i < 100 && listener.Rejected == 0; i++) await Task.Delay(50);
            Assert.Equal(1, listener.Stored);
            Assert.Equal(1, listener.Rejected);
            Assert.Contains(listener.RecentLog, l => l.Contains("did not arrive completely"));
        }

        [Fact]
        public async Task A_spool_that_cannot_be_written_answers_503_and_the_retry_is_stored()
        {
            var listener = Start();
            var tmp = Path.Combine(_dir.Path, "tmp");
            Directory.Delete(tmp);
            File.WriteAllText(tmp, "in the way"); // writing a delivery now fails, as on a full or broken disk

            var failed = await Post(listener.Urls[0], "{\"id\":\"e1\",\"eventType\":\"DealWon\"}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.NotNull(failed.Headers.RetryAfter);
            Assert.Equal(1, listener.Failed);
            Assert.Contains(listener.RecentLog, l => l.Contains("503") && l.Contains("should retry"));
            Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "ids")));

            File.Delete(tmp);
            Directory.CreateDirectory(tmp);
            var retried = await Post(listener.Urls[0], "{\"id\":\"e1\",\"eventType\":\"DealWon\"}");
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Contains("stored", await retried.Content.ReadAsStringAsync());
            Assert.Equal(1, listener.Pending);
        }

        [Fact]
        public async Task Stopping_answers_what_is_left_and_releases_the_port_and_the_spool()
        {
            var listener = Start();
            var url = listener.Urls[0];
            Assert.Equal(HttpStatusCode.OK, (await Post(url, "{\"id\":\"s1\"}")).StatusCode);
            listener.Stop();
            Assert.Equal(WebhookListenerState.Stopped, listener.State);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Post(url, "{\"id\":\"s2\"}"));
            // The spool is free for the next listener, which knows what was stored.
            var next = Start();
            Assert.Contains("duplicate", await (await Post(next.Urls[0], "{\"id\":\"s1\"}")).Content.ReadAsStringAsync());
            Assert.Equal(1, next.Pending);
        }

        [Fact]
        public void A_port_in_use_fails_with_a_clear_error_and_leaves_the_spool_free()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                var port = ((IPEndPoint)taken.LocalEndpoint).Port;
                var options = new WebhookListenerOptions { SpoolPath = _dir.Path };
                options.Prefixes.Add($"http://127.0.0.1:{port}/hooks/");
                options.Endpoints.Add(WebhookEndpoint.Userlike(null));
                var ex = Assert.Throws<CrmTools.Engine.Errors.CrmException>(() => WebhookListener.Start(options));
                Assert.Equal("WebhookListenerStartFailed", ex.ErrorId);
                Assert.Contains($"127.0.0.1:{port}", ex.Message);
                using var writer = CrmTools.Engine.Spool.SpoolWriter.Open(_dir.Path); // not left locked
            }
            finally
            {
                taken.Stop();
            }
        }

        public void Dispose()
        {
            _listener?.Stop();
            _dir.Dispose();
        }
    }
}
