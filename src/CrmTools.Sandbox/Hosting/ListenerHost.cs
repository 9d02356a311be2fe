using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>
    /// The HttpListener front door: accepts requests on background threads, applies the shared
    /// knobs (log, latency, faults) and routes by first path segment to an <see cref="ISandboxService"/>.
    /// </summary>
    internal sealed class ListenerHost : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly SandboxControl _control;
        private readonly Dictionary<string, ISandboxService> _services;
        private int _stopped;

        private ListenerHost(HttpListener listener, Uri baseUri, SandboxControl control, IEnumerable<ISandboxService> services)
        {
            _listener = listener;
            BaseUri = baseUri;
            _control = control;
            _services = services.ToDictionary(s => s.Prefix, StringComparer.OrdinalIgnoreCase);
        }

        public Uri BaseUri { get; }

        public static ListenerHost Start(int port, SandboxControl control, IEnumerable<ISandboxService> services)
        {
            var list = services.ToList();
            Exception? last = null;
            // A port picked by the OS can be taken again before HttpListener binds it: retry a few times.
            for (int attempt = 0; attempt < 8; attempt++)
            {
                int p = port != 0 ? port : FreePort();
                try
                {
                    var (listener, baseUri) = Bind(p);
                    var host = new ListenerHost(listener, baseUri, control, list);
                    var thread = new Thread(host.AcceptLoop) { IsBackground = true, Name = "CrmSandbox accept " + p };
                    thread.Start();
                    return host;
                }
                catch (HttpListenerException ex) { last = ex; if (port != 0) break; }
                catch (SocketException ex) { last = ex; if (port != 0) break; }
            }
            throw new InvalidOperationException("The sandbox could not listen on a local port: " + last?.Message, last);
        }

        private static (HttpListener, Uri) Bind(int port)
        {
            var prefixes = new List<string> { $"http://127.0.0.1:{port}/" };
            // On Windows, http.sys lets a non-admin listen on "localhost" only (no URL ACL needed).
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) prefixes.Add($"http://localhost:{port}/");
            HttpListenerException? last = null;
            foreach (var prefix in prefixes)
            {
                var listener = new HttpListener { IgnoreWriteExceptions = true };
                listener.Prefixes.Add(prefix);
                try
                {
                    listener.Start();
                    return (listener, new Uri(prefix));
                }
                catch (HttpListenerException ex)
                {
                    last = ex;
                    try { listener.Close(); } catch { /* already failed */ }
                }
            }
            throw last!;
        }

        private static int FreePort()
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            return port;
        }

        private void AcceptLoop()
        {
            while (Volatile.Read(ref _stopped) == 0)
            {
                HttpListenerContext ctx;
                try { ctx = _listener.GetContext(); }
                catch (Exception) when (Volatile.Read(ref _stopped) != 0) { return; }
                catch (HttpListenerException) { continue; }
                catch (ObjectDisposedException) { return; }
                catch (InvalidOperationException) { return; }
                Task.Run(() => HandleAsync(ctx));
            }
        }

        private async Task HandleAsync(HttpListenerContext ctx)
        {
            SandboxRequest? entry = null;
            _control.RequestStarted();
            try
            {
                var req = ctx.Request;
                byte[] body = ReadBody(req);
                string raw = req.RawUrl ?? "/";
                int q = raw.IndexOf('?');
                string rawPath = q < 0 ? raw : raw.Substring(0, q);
                string rawQuery = q < 0 ? "" : raw.Substring(q + 1);
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string? name in req.Headers.AllKeys)
                    if (name != null) headers[name] = req.Headers[name] ?? "";

                entry = new SandboxRequest(req.HttpMethod.ToUpperInvariant(), rawPath, rawQuery, DateTimeOffset.UtcNow,
                    headers, body.Length == 0 ? null : Encoding.UTF8.GetString(body));
                _control.Log(entry);

                int latency = _control.LatencyMs;
                if (latency > 0) await Task.Delay(latency).ConfigureAwait(false);

                var fault = _control.TakeFault(rawPath, entry.Method);
                if (fault != null)
                {
                    if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs).ConfigureAwait(false);
                    if (fault.Drop)
                    {
                        entry.Status = 0;
                        ConnectionDropper.Drop(ctx);
                        return;
                    }
                    if (fault.Status > 0)
                    {
                        Write(ctx, entry, FaultResponse(fault));
                        return;
                    }
                }

                var request = new ServiceRequest(entry.Method, rawPath, rawQuery, headers, body, req.ContentType);
                Write(ctx, entry, Dispatch(request));
            }
            catch (Exception ex)
            {
                try
                {
                    var error = new JsonObject { ["error"] = 500, ["message"] = "Sandbox error: " + ex.Message, ["type"] = "internal_server_error" };
                    if (entry != null) Write(ctx, entry, ServiceResponse.Json(500, error));
                    else ctx.Response.Abort();
                }
                catch { /* the client is gone */ }
            }
            finally
            {
                _control.RequestEnded();
            }
        }

        private ServiceResponse Dispatch(ServiceRequest request)
        {
            var segments = request.RawPath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Uri.UnescapeDataString(s)).ToList();
            if (segments.Count > 0 && _services.TryGetValue(segments[0], out var service))
                return service.Handle(request, segments.Skip(1).ToList());
            return ServiceResponse.Json(404, new JsonObject
            {
                ["error"] = 404,
                ["message"] = "No emulated service at this path. Known: " + string.Join(", ", _services.Keys.Select(k => "/" + k + "/")),
                ["type"] = "not_found",
            });
        }

        private static ServiceResponse FaultResponse(SandboxFault fault)
        {
            var (message, type) = FaultText(fault.Status);
            var response = ServiceResponse.Json(fault.Status, new JsonObject
            {
                ["error"] = fault.Status,
                ["message"] = message,
                ["type"] = type,
            });
            if (fault.RetryAfter != null) response.WithHeader("Retry-After", fault.RetryAfter);
            if (fault.PplRetryAfter != null) response.WithHeader("API-RETRY-AFTER", fault.PplRetryAfter);
            return response;
        }

        private static (string, string) FaultText(int status) => status switch
        {
            429 => ("Too many requests", "too_many_requests"),
            500 => ("Internal server error", "internal_server_error"),
            502 => ("Bad gateway", "bad_gateway"),
            503 => ("Service unavailable", "service_unavailable"),
            504 => ("Gateway timeout", "gateway_timeout"),
            _ => ("Injected fault " + status, "injected_fault"),
        };

        private static byte[] ReadBody(HttpListenerRequest req)
        {
            if (!req.HasEntityBody) return new byte[0];
            using var ms = new MemoryStream();
            req.InputStream.CopyTo(ms);
            return ms.ToArray();
        }

        private static void Write(HttpListenerContext ctx, SandboxRequest entry, ServiceResponse response)
        {
            entry.Status = response.Status;
            var res = ctx.Response;
            try
            {
                res.StatusCode = response.Status;
                foreach (var h in response.Headers) res.AddHeader(h.Key, h.Value);
                if (response.ContentType != null) res.ContentType = response.ContentType;
                bool noBody = response.Status == 304 || response.Status == 204 || entry.Method == "HEAD";
                if (noBody || response.Body.Length == 0)
                {
                    res.ContentLength64 = 0;
                }
                else
                {
                    res.ContentLength64 = response.Body.Length;
                    res.OutputStream.Write(response.Body, 0, response.Body.Length);
                }
                res.Close();
            }
            catch (Exception)
            {
                try { res.Abort(); } catch { /* already gone */ }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
            try { _listener.Stop(); } catch { /* best effort */ }
            try { _listener.Close(); } catch { /* best effort */ }
        }
    }
}
