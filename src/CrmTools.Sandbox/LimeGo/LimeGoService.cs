using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.LimeGo
{
    /// <summary>
    /// Lime Go under /limego/v1/: API-key authentication (<c>Authorization: go-api:&lt;KEY&gt;</c> or <c>?apikey=</c>),
    /// the pull feed (<c>GET event/feed/</c>: 50 events a call, oldest first, each handed out once; <c>peek=true</c>
    /// reads without consuming), push subscriptions (<c>POST|DELETE event/subscription</c>, also the document's
    /// <c>POST event/subscribe</c>) and the GraphQL endpoint (<c>POST graphql</c>). Two accounts, each with its own data
    /// and feed. A trailing ".json" on the path is accepted, as the vendor allows.
    /// </summary>
    internal sealed class LimeGoService : ISandboxService
    {
        private readonly object _sync = new object();
        // Built on first use: loading graphql-dotnet and building the schema is not free, and most sandbox runs never need it.
        private readonly Lazy<LimeGoGraphQL> _graphQL = new Lazy<LimeGoGraphQL>(() => new LimeGoGraphQL());
        private readonly int _seed;
        private readonly string _primaryKey;
        private readonly string _secondKey;
        private Dictionary<string, LimeGoAccount> _accounts = new Dictionary<string, LimeGoAccount>(StringComparer.OrdinalIgnoreCase);
        private Uri? _baseUri;

        public LimeGoService(SandboxOptions options)
        {
            _seed = options.Seed;
            var random = new Random(options.Seed ^ 0x1157);
            _primaryKey = NewKey(random);
            _secondKey = NewKey(random);
            Seed();
            Facade = new LimeGoSandbox(this);
        }

        public string Prefix => "limego";

        public LimeGoSandbox Facade { get; }

        public LimeGoPushDispatcher Push { get; } = new LimeGoPushDispatcher();

        public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The sandbox is not listening yet.");

        public LimeGoAccount Primary
        {
            get { lock (_sync) return _accounts[_primaryKey]; }
        }

        public LimeGoAccount Second
        {
            get { lock (_sync) return _accounts[_secondKey]; }
        }

        /// <summary>Called once the listener knows its address.</summary>
        public void Attach(Uri serviceUri) => _baseUri = serviceUri;

        public T WithAccount<T>(string apiKey, Func<LimeGoAccount, T> read)
        {
            lock (_sync)
            {
                if (!_accounts.TryGetValue(apiKey, out var account)) throw new ArgumentException("No sandbox Lime Go account has that API key.", nameof(apiKey));
                return read(account);
            }
        }

        public IReadOnlyList<string> RaiseRandom(string apiKey, int count)
        {
            List<JsonObject> raised;
            IReadOnlyList<(LgSubscription, JsonObject)> pushes;
            lock (_sync)
            {
                if (!_accounts.TryGetValue(apiKey, out var account)) throw new ArgumentException("No sandbox Lime Go account has that API key.", nameof(apiKey));
                raised = account.RaiseRandom(count);
                pushes = Pushes(account, raised);
            }
            Push.Deliver(pushes);
            return raised.Select(e => e["position"]!.ToString()).ToList();
        }

        public void Reset()
        {
            lock (_sync) Seed();
            Push.Clear();
        }

        public ServiceResponse Handle(ServiceRequest request, IReadOnlyList<string> segments)
        {
            var path = segments.Select(s => s).ToList();
            if (path.Count > 0 && path[path.Count - 1].EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                path[path.Count - 1] = path[path.Count - 1].Substring(0, path[path.Count - 1].Length - ".json".Length);
            }
            if (path.Count < 2 || !path[0].Equals("v1", StringComparison.OrdinalIgnoreCase)) return Error(404, "Not found.");
            var account = Authenticate(request);
            if (account == null) return Error(401, "Unauthorized: send the header 'Authorization: go-api:<API key>' or the query parameter apikey.");

            var route = string.Join("/", path.Skip(1)).ToLowerInvariant();
            switch (route)
            {
                case "event/feed":
                    return request.Method == "GET" ? Feed(account, request) : Error(405, "Method not allowed.");
                case "event/subscription":
                case "event/subscribe":
                    if (request.Method == "POST") return Subscribe(account, request);
                    if (request.Method == "DELETE" && route == "event/subscription") return Unsubscribe(account, Query(request, "id"));
                    return Error(405, "Method not allowed.");
                case "graphql":
                    return request.Method == "POST" ? GraphQL(account, request) : Error(405, "Method not allowed.");
            }
            if (path.Count == 4 && route.StartsWith("event/subscription/", StringComparison.Ordinal))
            {
                return request.Method == "DELETE" ? Unsubscribe(account, path[3]) : Error(405, "Method not allowed.");
            }
            return Error(404, "Not found.");
        }

        private ServiceResponse Feed(LimeGoAccount account, ServiceRequest request)
        {
            var peek = string.Equals(Query(request, "peek"), "true", StringComparison.OrdinalIgnoreCase);
            List<string> items;
            lock (_sync) items = account.TakeFeed(peek);
            var body = "{\"items\":[" + string.Join(",", items) + "]}";
            return new ServiceResponse(200, Encoding.UTF8.GetBytes(body), "application/json; charset=utf-8");
        }

        private ServiceResponse Subscribe(LimeGoAccount account, ServiceRequest request)
        {
            JsonObject? body;
            try
            {
                body = JsonNode.Parse(request.BodyText) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
            if (body == null) return Error(400, "The body must be a JSON object with targeturl and events.");
            var target = Member(body, "targeturl")?.ToString();
            if (target == null || !Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                return Error(400, "Invalid target url.");
            }
            var events = new List<string>();
            if (Member(body, "events") is JsonArray list)
            {
                foreach (var item in list)
                {
                    var name = item?.ToString() ?? "";
                    var known = LimeGoAccount.EventTypes.FirstOrDefault(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
                    if (known == null) return Error(400, $"Unknown event '{name}'.");
                    if (!events.Contains(known)) events.Add(known);
                }
            }
            int id;
            lock (_sync)
            {
                id = account.NextSubscriptionId++;
                account.Subscriptions.Add(new LgSubscription { Id = id, TargetUrl = uri.AbsoluteUri, Events = events });
            }
            // The new id, as a bare JSON number.
            return new ServiceResponse(200, Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)), "application/json; charset=utf-8");
        }

        private ServiceResponse Unsubscribe(LimeGoAccount account, string? idText)
        {
            if (!int.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return Error(400, "Give the subscription's id.");
            lock (_sync)
            {
                if (account.Subscriptions.RemoveAll(s => s.Id == id) == 0) return Error(404, $"Subscription {id} was not found.");
            }
            return ServiceResponse.Json(200, new JsonObject { ["id"] = id });
        }

        private ServiceResponse GraphQL(LimeGoAccount account, ServiceRequest request)
        {
            JsonObject? body;
            try
            {
                body = JsonNode.Parse(request.BodyText) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
            var query = body?["query"]?.GetValueKind() == JsonValueKind.String ? (string?)body["query"] : null;
            if (query == null) return Error(400, "The body must be a JSON object with a query.");
            var variables = body!["variables"] is JsonObject v ? v.ToJsonString() : null;
            var operationName = body["operationName"]?.GetValueKind() == JsonValueKind.String ? (string?)body["operationName"] : null;
            var raised = new List<JsonObject>();
            string answer;
            IReadOnlyList<(LgSubscription, JsonObject)> pushes;
            lock (_sync)
            {
                answer = _graphQL.Value.Execute(account, query, variables, operationName, raised);
                pushes = Pushes(account, raised);
            }
            Push.Deliver(pushes);
            return new ServiceResponse(200, Encoding.UTF8.GetBytes(answer), "application/json; charset=utf-8");
        }

        private LimeGoAccount? Authenticate(ServiceRequest request)
        {
            string? key = null;
            var header = request.Header("Authorization");
            if (header != null && header.StartsWith("go-api:", StringComparison.OrdinalIgnoreCase)) key = header.Substring("go-api:".Length).Trim();
            key ??= Query(request, "apikey");
            if (string.IsNullOrEmpty(key)) return null;
            lock (_sync) return _accounts.TryGetValue(key!, out var account) ? account : null;
        }

        // Under the lock: who gets which event.
        private static IReadOnlyList<(LgSubscription, JsonObject)> Pushes(LimeGoAccount account, List<JsonObject> raised)
        {
            var list = new List<(LgSubscription, JsonObject)>();
            if (account.Subscriptions.Count == 0) return list;
            foreach (var ev in raised)
            {
                var type = (string?)ev["eventType"];
                foreach (var s in account.Subscriptions)
                {
                    if (s.Events.Count == 0 || s.Events.Contains(type!)) list.Add((s, (JsonObject)ev.DeepClone()));
                }
            }
            return list;
        }

        private void Seed()
        {
            _accounts = new Dictionary<string, LimeGoAccount>(StringComparer.OrdinalIgnoreCase)
            {
                [_primaryKey] = new LimeGoAccount(_primaryKey, _seed),
                [_secondKey] = new LimeGoAccount(_secondKey, _seed + 1),
            };
        }

        private static string? Query(ServiceRequest request, string name) =>
            request.Query.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).FirstOrDefault();

        private static JsonNode? Member(JsonObject body, string name) =>
            body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        private static string NewKey(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        private static ServiceResponse Error(int status, string message) =>
            ServiceResponse.Json(status, new JsonObject { ["error"] = status, ["message"] = message });
    }
}
