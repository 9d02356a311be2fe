using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    public class ProxyTests
    {
        /// <summary>A stand-in proxy: records the first request it receives and answers 502.</summary>
        private static async Task<string> CaptureOneRequest(TcpListener listener)
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            var buffer = new byte[8192];
            var read = await stream.ReadAsync(buffer, 0, buffer.Length);
            var head = Encoding.ASCII.GetString(buffer, 0, read);
            var answer = Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer, 0, answer.Length);
            return head;
        }

        [Fact]
        public void An_explicit_proxy_receives_the_requests()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var captured = CaptureOneRequest(listener);
                using var session = new PsSession();
                var r = session.Run($"Connect-Ppl -BaseUri http://crm.example.invalid/ -ApiKey ([System.Net.NetworkCredential]::new('', 'proxy-test-key-1').SecurePassword) -Proxy http://127.0.0.1:{port}/ -MaximumRetryCount 0");
                Assert.True(captured.Wait(10_000));
                Assert.StartsWith("GET http://crm.example.invalid/api/v2/ping HTTP/1.1", captured.Result);
                Assert.NotEmpty(r.Errors);
                Assert.StartsWith("Ppl.ServerError", r.Errors.Last().FullyQualifiedErrorId);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void NoProxy_cannot_be_combined_with_a_proxy()
        {
            using var session = new PsSession();
            var r = session.Run("Connect-Ppl -BaseUri http://127.0.0.1:1/ -ApiKey ([System.Net.NetworkCredential]::new('', 'k-123456').SecurePassword) -Proxy http://127.0.0.1:2/ -NoProxy");
            Assert.NotEmpty(r.Errors);
            Assert.StartsWith("Crm.InvalidArgument", r.Errors.Last().FullyQualifiedErrorId);
        }
    }
}
