using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Spool;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>What a listener needs: where to listen, which services on which paths, where to spool.</summary>
    public sealed class WebhookListenerOptions
    {
        /// <summary>HttpListener prefixes such as http://127.0.0.1:8080/hooks/ (port 0: a free port).</summary>
        public IList<string> Prefixes { get; } = new List<string>();

        /// <summary>The services and their paths under each prefix.</summary>
        public IList<WebhookEndpoint> Endpoints { get; } = new List<WebhookEndpoint>();

        /// <summary>The spool folder (default: <see cref="WebhookSpool.DefaultPath"/>).</summary>
        public string? SpoolPath { get; set; }

        /// <summary>Larger bodies are refused with 413.</summary>
        public long MaxBodyBytes { get; set; } = 1024 * 1024;

        /// <summary>Allows plain HTTP on an address other than loopback.</summary>
        public bool AllowInsecure { get; set; }

        /// <summary>A file that gets every log line.</summary>
        public string? LogPath { get; set; }

        /// <summary>Deliveries handled at the same time (each on its own thread; the rest wait in the queue).</summary>
        public int Workers { get; set; } = 32;

        /// <summary>How long a sender may take to send its body.</summary>
        public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(30);

        public SpoolOptions Spool { get; set; } = new SpoolOptions();
    }

    /// <summary>Running or stopped.</summary>
    public enum WebhookListenerState
    {
        Running,
        Stopping,
        Stopped,
    }

    /// <summary>
    /// Receives webhook deliveries over HTTP (HttpListener, so it runs in Windows PowerShell too) for one or more
    /// services on their own paths, and writes each accepted one durably to a spool before answering 2xx.
    /// <list type="bullet">
    /// <item>Only POST (else 405), a JSON content type (else 415), at most <see cref="MaxBodyBytes"/> (else 413), a
    /// known path (else 404).</item>
    /// <item>ProPipelines: the signature is checked against the API key (constant-time); a bad or missing one is 401
    /// and nothing is stored.</item>
    /// <item>The answer is 200 only once the delivery is fsync'd and renamed into the spool; a redelivery of an event
    /// already stored is answered 200 and not stored again; if the spool cannot be written, 503 (the sender retries).</item>
    /// <item>Every rejection is one log line saying why.</item>
    /// </list>
    /// Deliveries are handled on dedicated worker threads (blocking fsyncs never starve the thread pool).
    /// </summary>
    public sealed class WebhookListener : IDisposable
    {
        private static int _lastId;

        private readonly HttpListener _http;
        private readonly SpoolWriter _spool;
        private readonly List<(string Path, WebhookEndpoint Endpoint)> _routes;
        private readonly WebhookListenerOptions _options;
        private readonly BlockingCollection<HttpListenerContext> _queue;
        private readonly Thread[] _workers;
        private readonly Thread _acceptor;
        private readonly Timer _watchdog;
        private readonly HttpListenerContext?[] _busy;
        private readonly long[] _deadlines;
        private int _active;
        private int _state;
        private long _received, _stored, _duplicates, _rejected, _failed;

        private WebhookListener(HttpListener http, IReadOnlyList<ListenerPrefix> prefixes, SpoolWriter spool, WebhookLog log, WebhookListenerOptions options)
        {
            _http = http;
            _spool = spool;
            _options = options;
            Log = log;
            Id = Interlocked.Increment(ref _lastId);
            Prefixes = prefixes.Select(p => p.ToString()).ToArray();
            Endpoints = options.Endpoints.ToArray();
            _routes = new List<(string, WebhookEndpoint)>();
            foreach (var endpoint in Endpoints)
            {
                endpoint.Urls = prefixes.Select(p => p.UrlOf(endpoint.Path)).ToArray();
                foreach (var prefix in prefixes) _routes.Add(((prefix.Path + endpoint.Path).TrimEnd('/'), endpoint));
            }
            StartedAt = DateTimeOffset.Now;
            int workers = Math.Max(1, Math.Min(options.Workers, 256));
            _queue = new BlockingCollection<HttpListenerContext>(new ConcurrentQueue<HttpListenerContext>(), workers * 8);
            _busy = new HttpListenerContext?[workers];
            _deadlines = new long[workers];
            _workers = new Thread[workers];
            for (int i = 0; i < workers; i++)
            {
                int slot = i;
                _workers[i] = new Thread(() => WorkLoop(slot)) { IsBackground = true, Name = $"CrmTools webhook {Id} worker {i}" };
            }
            _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = $"CrmTools webhook {Id} accept" };
            _watchdog = new Timer(_ => AbortSlowSenders(), null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>A number that tells the listeners of this process apart.</summary>
        public int Id { get; }

        /// <summary>The prefixes listened on (a port 0 replaced by the port chosen).</summary>
        public IReadOnlyList<string> Prefixes { get; }

        /// <summary>The services, each with the addresses to register with it.</summary>
        public IReadOnlyList<WebhookEndpoint> Endpoints { get; }

        /// <summary>Every address deliveries are accepted on.</summary>
        public string[] Urls => Endpoints.SelectMany(e => e.Urls).ToArray();

        /// <summary>The services served.</summary>
        public WebhookService[] Services => Endpoints.Select(e => e.Service).ToArray();

        public string SpoolPath => _spool.Path;

        public string? LogPath => Log.Path;

        public long MaxBodyBytes => _options.MaxBodyBytes;

        public DateTimeOffset StartedAt { get; }

        public WebhookListenerState State => (WebhookListenerState)Volatile.Read(ref _state);

        /// <summary>Deliveries that reached a service path.</summary>
        public long Received => Interlocked.Read(ref _received);

        /// <summary>Deliveries written to the spool.</summary>
        public long Stored => Interlocked.Read(ref _stored);

        /// <summary>Redeliveries of events already stored (answered 200, not stored again).</summary>
        public long Duplicates => Interlocked.Read(ref _duplicates);

        /// <summary>Deliveries refused (bad signature, too large, wrong type, wrong method, unknown path).</summary>
        public long Rejected => Interlocked.Read(ref _rejected);

        /// <summary>Deliveries answered 503 because the spool could not be written.</summary>
        public long Failed => Interlocked.Read(ref _failed);

        /// <summary>Events in the spool not yet taken by Receive-CrmWebhook.</summary>
        public int Pending
        {
            get
            {
                try { return _spool.PendingCount; }
                catch (IOException) { return -1; }
            }
        }

        /// <summary>What the spool's crash recovery did when the listener started.</summary>
        public SpoolRecovery Recovery => _spool.Recovery;

        public WebhookLog Log { get; }

        /// <summary>The latest log lines.</summary>
        public string[] RecentLog => Log.Recent;

        /// <summary>
        /// Validates the options, opens the spool (recovering what a crash left), binds the prefixes and starts
        /// accepting. Throws <see cref="CrmValidationException"/> for bad options, <see cref="SpoolBusyException"/>
        /// when another listener writes to the spool, and <see cref="CrmException"/> when a prefix cannot be bound.
        /// </summary>
        public static WebhookListener Start(WebhookListenerOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.Prefixes.Count == 0) throw new CrmValidationException("Crm", "Prefix", "Give at least one prefix, e.g. http://127.0.0.1:8080/hooks/.");
            if (options.Endpoints.Count == 0) throw new CrmValidationException("Crm", "Ppl", "Choose at least one service: -Ppl, -LimeGo or -Userlike.");
            if (options.MaxBodyBytes < 1) throw new CrmValidationException("Crm", "MaxBodyBytes", "MaxBodyBytes must be positive.");
            var prefixes = options.Prefixes.Select(ListenerPrefix.Parse).ToList();
            foreach (var p in prefixes)
            {
                if (!p.IsHttps && !p.IsLoopback && !options.AllowInsecure)
                {
                    throw new CrmValidationException("Crm", "Prefix",
                        $"Refusing to receive webhooks over plain HTTP on {p}, which is not a loopback address: deliveries (and customer data) would cross the network unencrypted. " +
                        "Listen on 127.0.0.1 behind an HTTPS reverse proxy, use an https:// prefix with a bound certificate, or pass -AllowInsecure (see about_CrmWebhooks).");
                }
            }
            var duplicatePaths = options.Endpoints.GroupBy(e => e.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicatePaths != null)
            {
                throw new CrmValidationException("Crm", "Path", $"Two services share the path '{duplicatePaths.Key}'; give each its own.");
            }

            var log = new WebhookLog(options.LogPath);
            SpoolWriter? spool = null;
            try
            {
                spool = SpoolWriter.Open(options.SpoolPath ?? WebhookSpool.DefaultPath(), options.Spool);
                var (http, bound) = Bind(prefixes);
                var listener = new WebhookListener(http, bound, spool, log, options);
                listener.Begin();
                return listener;
            }
            catch
            {
                spool?.Dispose();
                log.Dispose();
                throw;
            }
        }

        private void Begin()
        {
            var recovery = _spool.Recovery;
            Log.Write($"listener {Id} started: {string.Join(", ", Endpoints.Select(e => WebhookEndpoint.DisplayName(e.Service) + " " + string.Join(" ", e.Urls)))}; " +
                      $"spool {_spool.Path}" + (recovery.Promoted + recovery.Discarded > 0
                          ? $"; recovered after a crash: {recovery.Promoted} accepted deliveries kept, {recovery.Discarded} unanswered discarded"
                          : string.Empty));
            foreach (var w in _workers) w.Start();
            _acceptor.Start();
            _watchdog.Change(1000, 1000);
        }

        private static (HttpListener, List<ListenerPrefix>) Bind(List<ListenerPrefix> prefixes)
        {
            bool anyFree = prefixes.Any(p => p.Port == 0);
            Exception? last = null;
            for (int attempt = 0; attempt < (anyFree ? 8 : 1); attempt++)
            {
                int free = anyFree ? FreePort() : 0;
                var bound = prefixes.Select(p => p.Port == 0 ? p.WithPort(free) : p).ToList();
                var http = new HttpListener { IgnoreWriteExceptions = true };
                try
                {
                    foreach (var p in bound)
                    {
                        if (!http.Prefixes.Contains(p.ToString())) http.Prefixes.Add(p.ToString());
                    }
                    http.Start();
                    return (http, bound);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is SocketException || ex is InvalidOperationException || ex is ArgumentException)
                {
                    last = ex;
                    try { http.Close(); } catch { /* failed already */ }
                }
            }
            var hint = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? " On Windows a non-administrator needs a URL reservation (netsh http add urlacl url=<prefix> user=<you>), or use http://localhost:<port>/."
                : string.Empty;
            throw new CrmException("Crm", CrmErrorKind.ConnectionFailed,
                $"Could not listen on {string.Join(", ", prefixes)}: {last?.Message}{hint}", last) { ErrorId = "WebhookListenerStartFailed" };
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
            while (true)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = _http.GetContext();
                }
                catch (Exception) when (State != WebhookListenerState.Running)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (InvalidOperationException)
                {
                    return;
                }
                if (State != WebhookListenerState.Running)
                {
                    // Shutting down: the sender will try again later; nothing is lost.
                    Respond(ctx, 503, Error(503, "the listener is stopping; send again later"), close: true, retryAfter: true);
                    continue;
                }
                try
                {
                    _queue.Add(ctx);
                }
                catch (InvalidOperationException)
                {
                    Respond(ctx, 503, Error(503, "the listener is stopping; send again later"), close: true, retryAfter: true);
                }
            }
        }

        private void WorkLoop(int slot)
        {
            foreach (var ctx in _queue.GetConsumingEnumerable())
            {
                Interlocked.Increment(ref _active);
                Volatile.Write(ref _deadlines[slot], DateTime.UtcNow.Add(_options.BodyTimeout).Ticks);
                Volatile.Write(ref _busy[slot], ctx);
                try
                {
                    Handle(ctx);
                }
                catch (Exception ex)
                {
                    // Never lose the worker; an unexpected failure is a 500 and a log line.
                    Log.Write($"500 {Describe(ctx)}: internal error: {ex.GetType().Name}: {ex.Message}");
                    Respond(ctx, 500, Error(500, "internal error"));
                }
                finally
                {
                    Volatile.Write(ref _busy[slot], null);
                    Interlocked.Decrement(ref _active);
                }
            }
        }

        private void Handle(HttpListenerContext ctx)
        {
            var request = ctx.Request;
            var path = (request.Url?.AbsolutePath ?? "/").TrimEnd('/');
            WebhookEndpoint? endpoint = null;
            foreach (var route in _routes)
            {
                if (string.Equals(route.Path, path, StringComparison.OrdinalIgnoreCase))
                {
                    endpoint = route.Endpoint;
                    break;
                }
            }
            if (endpoint == null)
            {
                Reject(ctx, null, 404, "no webhook endpoint at this path");
                return;
            }
            Interlocked.Increment(ref _received);
            if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
            {
                ctx.Response.AddHeader("Allow", "POST");
                Reject(ctx, endpoint, 405, $"method {request.HttpMethod} is not allowed; deliveries are POSTed");
                return;
            }
            if (!WebhookIntake.IsJson(request.ContentType))
            {
                Reject(ctx, endpoint, 415, string.IsNullOrEmpty(request.ContentType)
                    ? "no content type; deliveries must be application/json"
                    : $"content type '{request.ContentType}' is not JSON");
                return;
            }
            if (request.ContentLength64 > _options.MaxBodyBytes)
            {
                Reject(ctx, endpoint, 413, $"the body is {request.ContentLength64} bytes, more than the {_options.MaxBodyBytes} allowed", close: true);
                return;
            }
            var body = ReadBody(request, _options.MaxBodyBytes, out bool tooLarge);
            if (tooLarge)
            {
                Reject(ctx, endpoint, 413, $"the body is more than the {_options.MaxBodyBytes} bytes allowed", close: true);
                return;
            }
            if (body == null)
            {
                Interlocked.Increment(ref _rejected);
                Log.Write($"400 {Describe(ctx)}: rejected ({WebhookEndpoint.DisplayName(endpoint.Service)}): the body did not arrive completely (the sender went away or was too slow); connection closed, nothing stored");
                ConnectionReset.Reset(ctx);
                return;
            }

            var decision = WebhookIntake.Evaluate(endpoint, body, request.ContentType, Remote(request));
            if (!decision.Accepted)
            {
                Reject(ctx, endpoint, decision.Status, decision.Reason);
                return;
            }

            SpoolAppendResult result;
            try
            {
                result = _spool.Append(decision.SpoolId, decision.Metadata, body);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                Interlocked.Increment(ref _failed);
                Log.Write($"503 {Describe(ctx)}: could not store {WebhookEndpoint.DisplayName(endpoint.Service)} event {decision.EventId} in the spool ({ex.Message}); the sender should retry");
                Respond(ctx, 503, Error(503, "the delivery could not be stored; send again later"), retryAfter: true);
                return;
            }
            var what = $"{WebhookEndpoint.DisplayName(endpoint.Service)} event {decision.EventId}" + (decision.EventName != null ? " (" + decision.EventName + ")" : string.Empty);
            if (result == SpoolAppendResult.Stored)
            {
                Interlocked.Increment(ref _stored);
                Log.Write($"200 {Describe(ctx)}: stored {what}, {body.Length} bytes");
                Respond(ctx, 200, "{\"status\":\"stored\"}");
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
                Log.Write($"200 {Describe(ctx)}: duplicate of {what}, already stored; not stored again");
                Respond(ctx, 200, "{\"status\":\"duplicate\"}");
            }
        }

        private void Reject(HttpListenerContext ctx, WebhookEndpoint? endpoint, int status, string reason, bool close = false)
        {
            Interlocked.Increment(ref _rejected);
            var service = endpoint == null ? string.Empty : " (" + WebhookEndpoint.DisplayName(endpoint.Service) + ")";
            Log.Write($"{status.ToString(CultureInfo.InvariantCulture)} {Describe(ctx)}: rejected{service}: {reason}; nothing stored");
            Respond(ctx, status, Error(status, reason), close);
        }

        private static byte[]? ReadBody(HttpListenerRequest request, long max, out bool tooLarge)
        {
            tooLarge = false;
            if (!request.HasEntityBody) return Array.Empty<byte>();
            long declared = request.ContentLength64;
            using var buffer = new MemoryStream(declared > 0 ? (int)Math.Min(declared, max) : 8192);
            var chunk = new byte[16 * 1024];
            try
            {
                var stream = request.InputStream;
                while (true)
                {
                    int n = stream.Read(chunk, 0, chunk.Length);
                    if (n == 0) break;
                    if (buffer.Length + n > max)
                    {
                        tooLarge = true;
                        return null;
                    }
                    buffer.Write(chunk, 0, n);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                return null; // the sender went away, or was too slow (the watchdog aborted it)
            }
            if (declared >= 0 && buffer.Length != declared) return null;
            return buffer.ToArray();
        }

        private void AbortSlowSenders()
        {
            long now = DateTime.UtcNow.Ticks;
            for (int i = 0; i < _busy.Length; i++)
            {
                var ctx = Volatile.Read(ref _busy[i]);
                if (ctx == null || Volatile.Read(ref _deadlines[i]) > now) continue;
                // Only the body read can take this long (storing takes milliseconds): cut the sender off, unanswered.
                ConnectionReset.Reset(ctx);
                Volatile.Write(ref _deadlines[i], long.MaxValue);
            }
        }

        private static string Remote(HttpListenerRequest request)
        {
            string remote;
            try { remote = request.RemoteEndPoint?.Address.ToString() ?? "?"; }
            catch (Exception) { remote = "?"; }
            var forwarded = request.Headers["X-Forwarded-For"];
            return string.IsNullOrWhiteSpace(forwarded) ? remote : forwarded!.Split(',')[0].Trim() + " via " + remote;
        }

        private static string Describe(HttpListenerContext ctx)
        {
            var r = ctx.Request;
            return $"{r.HttpMethod} {r.Url?.AbsolutePath} from {Remote(r)}";
        }

        private static string Error(int status, string message)
        {
            var sb = new StringBuilder("{\"error\":").Append(status.ToString(CultureInfo.InvariantCulture)).Append(",\"message\":\"");
            foreach (var c in message)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < ' ') sb.Append(' ');
                else sb.Append(c);
            }
            return sb.Append("\"}").ToString();
        }

        private static void Respond(HttpListenerContext ctx, int status, string json, bool close = false, bool retryAfter = false)
        {
            var response = ctx.Response;
            try
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                response.StatusCode = status;
                response.ContentType = "application/json; charset=utf-8";
                if (retryAfter) response.AddHeader("Retry-After", "5");
                if (close) response.KeepAlive = false;
                response.ContentLength64 = bytes.Length;
                response.OutputStream.Write(bytes, 0, bytes.Length);
                response.Close();
            }
            catch (Exception)
            {
                ConnectionReset.Reset(ctx);
            }
        }

        /// <summary>
        /// Stops accepting, lets the deliveries in hand finish (up to <paramref name="drainTimeout"/>, 10 seconds by
        /// default; whatever arrives meanwhile is answered 503 so its sender retries), then closes the port and the spool.
        /// </summary>
        public void Stop(TimeSpan? drainTimeout = null)
        {
            if (Interlocked.CompareExchange(ref _state, (int)WebhookListenerState.Stopping, (int)WebhookListenerState.Running) != (int)WebhookListenerState.Running) return;
            _queue.CompleteAdding();
            var deadline = DateTime.UtcNow + (drainTimeout ?? TimeSpan.FromSeconds(10));
            while ((_queue.Count > 0 || Volatile.Read(ref _active) > 0) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            _watchdog.Dispose();
            try { _http.Stop(); } catch { /* best effort */ }
            try { _http.Close(); } catch { /* best effort */ }
            foreach (var w in _workers) w.Join(TimeSpan.FromSeconds(2));
            _spool.Dispose();
            Log.Write($"listener {Id} stopped: {Stored} stored, {Duplicates} duplicates, {Rejected} rejected" + (Failed > 0 ? $", {Failed} failed (503)" : string.Empty));
            Volatile.Write(ref _state, (int)WebhookListenerState.Stopped);
            Log.Dispose();
        }

        public void Dispose() => Stop();

        public override string ToString() => $"Webhook listener {Id} ({State}) at {string.Join(", ", Urls)}";
    }
}
