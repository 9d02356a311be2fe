using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>
    /// Catches the browser's redirect at an http://127.0.0.1:PORT/path address (RFC 8252 loopback redirect).
    /// A plain TCP listener bound to the loopback interface only, so no URL reservation or administrator right is
    /// needed on Windows and nothing outside this machine can reach it. Requests for other paths (favicon, ...)
    /// get a 404 and listening goes on; the first request to the redirect path ends the wait.
    /// </summary>
    internal sealed class LoopbackRedirectListener : IDisposable
    {
        private const int MaxHeadBytes = 32 * 1024;

        private readonly TcpListener _listener;
        private readonly Uri _redirectUri;

        private LoopbackRedirectListener(TcpListener listener, Uri redirectUri)
        {
            _listener = listener;
            _redirectUri = redirectUri;
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttp &&
            (uri.Host == "127.0.0.1" || uri.Host == "[::1]" || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

        public static LoopbackRedirectListener Start(Uri redirectUri)
        {
            if (!IsLoopback(redirectUri))
            {
                throw new CrmValidationException("Nimble", "RedirectUri",
                    $"The redirect {redirectUri} cannot be caught on this machine: only http://127.0.0.1:PORT/... (or localhost) can. Use -AuthorizationCode with the address the browser was sent to.");
            }
            var address = redirectUri.Host == "[::1]" ? IPAddress.IPv6Loopback : IPAddress.Loopback;
            var listener = new TcpListener(address, redirectUri.Port);
            try
            {
                listener.Start();
            }
            catch (SocketException ex)
            {
                throw new CrmException("Nimble", CrmErrorKind.Validation,
                    $"Cannot listen for the sign-in redirect on {address}:{redirectUri.Port}: {ex.Message}. Free the port, or register another redirect URL and pass it with -RedirectUri.", ex)
                { ErrorId = "RedirectListenerFailed" };
            }
            return new LoopbackRedirectListener(listener, redirectUri);
        }

        /// <summary>Returns the full address the browser was redirected to (with its query).</summary>
        public async Task<string> WaitForRedirectAsync(CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => _listener.Stop()))
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    }
                    catch (Exception) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }
                    using (client)
                    {
                        var found = await ServeAsync(client, cancellationToken).ConfigureAwait(false);
                        if (found != null) return found;
                    }
                }
            }
        }

        private async Task<string?> ServeAsync(TcpClient client, CancellationToken cancellationToken)
        {
            try
            {
                client.ReceiveTimeout = 10000;
                client.SendTimeout = 10000;
                var stream = client.GetStream();
                var target = await ReadRequestTargetAsync(stream, cancellationToken).ConfigureAwait(false);
                if (target == null) return null;
                var path = target.Split('?')[0];
                if (!string.Equals(path.TrimEnd('/'), _redirectUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
                {
                    await RespondAsync(stream, 404, "Not found", "<p>Nothing here.</p>").ConfigureAwait(false);
                    return null;
                }
                var full = new UriBuilder(_redirectUri) { Path = path, Query = target.Contains("?") ? target.Substring(target.IndexOf('?') + 1) : string.Empty }.Uri.AbsoluteUri;
                var failed = target.Contains("error=");
                CrmLog.Verbose("The sign-in redirect arrived at " + Redactor.RedactUrl(full) + ".");
                await RespondAsync(stream, 200, "OK", failed
                    ? "<h1>Nimble sign-in did not complete</h1><p>Return to PowerShell to see why.</p>"
                    : "<h1>Signed in to Nimble</h1><p>You can close this window and return to PowerShell.</p>").ConfigureAwait(false);
                return full;
            }
            catch (IOException)
            {
                return null; // the browser gave up on this connection; wait for the next
            }
            catch (SocketException)
            {
                return null;
            }
        }

        // "GET /callback?code=..&state=.. HTTP/1.1" -> "/callback?code=..&state=.."
        private static async Task<string?> ReadRequestTargetAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            var head = new StringBuilder();
            while (head.Length < MaxHeadBytes)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (head.ToString().Contains("\r\n\r\n") || head.ToString().Contains("\n\n")) break;
            }
            var firstLine = head.ToString().Split('\n')[0].Trim();
            var parts = firstLine.Split(' ');
            if (parts.Length < 2 || !string.Equals(parts[0], "GET", StringComparison.OrdinalIgnoreCase)) return null;
            return parts[1].StartsWith("/", StringComparison.Ordinal) ? parts[1] : null;
        }

        private static async Task RespondAsync(Stream stream, int status, string reason, string bodyHtml)
        {
            var body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CrmTools</title></head><body style=\"font-family:sans-serif\">" +
                                              bodyHtml + "</body></html>");
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n" +
                                               "Cache-Control: no-store\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        public void Dispose()
        {
            try
            {
                _listener.Stop();
            }
            catch (SocketException)
            {
            }
        }
    }
}
