using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>A failure answered with Nimble's documented error body.</summary>
    internal sealed class NimbleError : Exception
    {
        public NimbleError(int status, JsonObject body) : base(body["message"]?.ToString() ?? "error")
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }
        public JsonObject Body { get; }

        /// <summary>409, code 245, optionally with per-field errors; <paramref name="idOf"/> gives their field_id (default: the standard contact fields').</summary>
        public static NimbleError Validation(string message, Dictionary<string, string>? fieldErrors = null, Func<string, string>? idOf = null)
        {
            var body = new JsonObject { ["message"] = message, ["code"] = 245 };
            if (fieldErrors != null && fieldErrors.Count > 0)
            {
                var errors = new JsonObject();
                foreach (var f in fieldErrors)
                {
                    errors[f.Key] = new JsonArray(new JsonObject { ["message"] = f.Value, ["field_id"] = (idOf ?? NimbleFieldCatalog.StandardIdOf)(f.Key) });
                }
                body["errors"] = errors;
            }
            return new NimbleError(409, body);
        }

        public static NimbleError NotFound(string objectType, string objectId) =>
            new NimbleError(404, new JsonObject { ["object_type"] = objectType, ["object_id"] = objectId });

        public static NimbleError Quota(string message) => new NimbleError(402, new JsonObject { ["message"] = message, ["code"] = 108 });

        public static NimbleError Unauthenticated() => new NimbleError(401, new JsonObject { ["message"] = "Can't authenticate request" });

        public static NimbleError OAuth(int status, string error, string description) =>
            new NimbleError(status, new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    /// <summary>One request as an endpoint sees it.</summary>
    internal sealed class NimbleCall
    {
        public NimbleCall(ServiceRequest request, NimbleState state, Dictionary<string, string> route, NimbleService service)
        {
            Request = request;
            State = state;
            Route = route;
            Service = service;
        }

        public ServiceRequest Request { get; }
        public NimbleState State { get; }
        public Dictionary<string, string> Route { get; }
        public NimbleService Service { get; }

        public string? Query(string name)
        {
            foreach (var p in Request.Query) if (string.Equals(p.Key, name, StringComparison.Ordinal)) return p.Value;
            return null;
        }

        public JsonObject Json()
        {
            if (Request.Body.Length == 0) return new JsonObject();
            try
            {
                return JsonNode.Parse(Request.BodyText) as JsonObject ?? throw NimbleError.Validation("The request body must be a JSON object.");
            }
            catch (JsonException ex)
            {
                throw NimbleError.Validation("Malformed JSON body: " + ex.Message);
            }
        }

        public int IntQuery(string name, int fallback, int min, int max)
        {
            var text = Query(name);
            if (text == null) return fallback;
            if (!int.TryParse(text, out var value) || value < min || value > max) throw NimbleError.Validation($"Invalid value of '{name}': {text}.");
            return value;
        }
    }

    internal delegate ServiceResponse NimbleHandler(NimbleCall call);

    /// <summary>
    /// Nimble under /nimble/: the OAuth authorize and token endpoints (anonymous), then the bearer-token API
    /// (api/v1 contacts, tasks, myself; api/v2 deals and pipelines) with Nimble's error bodies.
    /// </summary>
    internal sealed class NimbleService : ISandboxService
    {
        private readonly List<(string Method, string[] Parts, NimbleHandler Handler, bool Anonymous)> _routes =
            new List<(string, string[], NimbleHandler, bool)>();

        public NimbleService(SandboxOptions options)
        {
            State = new NimbleState(options.Seed);
            lock (State.Sync) NimbleSeeder.Seed(State, NimbleSeeder.DefaultContactCount);
            Facade = new NimbleSandbox(this);
            NimbleOAuthApi.Register(this);
            NimbleContactsApi.Register(this);
            NimbleContactFieldsApi.Register(this);
            NimbleDealsApi.Register(this);
            NimblePipelineFieldsApi.Register(this);
            NimbleNotesApi.Register(this);
        }

        public string Prefix => "nimble";
        public NimbleState State { get; }
        public NimbleSandbox Facade { get; }

        public void Attach(Uri accountUri)
        {
            lock (State.Sync) State.AccountUri = accountUri;
        }

        public void Map(string method, string pattern, NimbleHandler handler, bool anonymous = false) =>
            _routes.Add((method, pattern.Split('/'), handler, anonymous));

        public ServiceResponse Handle(ServiceRequest request, IReadOnlyList<string> segments)
        {
            try
            {
                var (route, values, pathKnown) = Match(request.Method, segments);
                if (route == null)
                {
                    if (pathKnown) return Error(new NimbleError(405, new JsonObject { ["message"] = "Method not allowed" }));
                    return Error(new NimbleError(404, new JsonObject { ["message"] = "Not found: " + request.RawPath }));
                }
                if (!route.Value.Anonymous) Authenticate(request);
                lock (State.Sync) return route.Value.Handler(new NimbleCall(request, State, values, this));
            }
            catch (NimbleError e)
            {
                return Error(e);
            }
        }

        public static ServiceResponse Error(NimbleError e) => ServiceResponse.Json(e.Status, e.Body);

        // Authorization: Bearer <token> (documented), X-Nimble-Token (the spec's header) or ?access_token= (documented).
        private void Authenticate(ServiceRequest request)
        {
            string? token = null;
            var header = request.Header("Authorization");
            if (header != null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header.Substring(7).Trim();
            token ??= request.Header("X-Nimble-Token");
            if (token == null) foreach (var p in request.Query) if (p.Key == "access_token") token = p.Value;
            if (string.IsNullOrEmpty(token)) throw NimbleError.Unauthenticated();
            lock (State.Sync)
            {
                if (!State.AccessTokens.TryGetValue(token!, out var expires) || expires <= DateTimeOffset.UtcNow) throw NimbleError.Unauthenticated();
            }
        }

        private ((string Method, string[] Parts, NimbleHandler Handler, bool Anonymous)? Route, Dictionary<string, string> Values, bool PathKnown) Match(
            string method, IReadOnlyList<string> segments)
        {
            (string, string[], NimbleHandler, bool)? best = null;
            var bestValues = new Dictionary<string, string>();
            var bestLiterals = -1;
            var known = false;
            foreach (var route in _routes)
            {
                if (route.Parts.Length != segments.Count) continue;
                var values = new Dictionary<string, string>();
                var literals = 0;
                var ok = true;
                for (int i = 0; i < segments.Count && ok; i++)
                {
                    var part = route.Parts[i];
                    if (part.StartsWith("{", StringComparison.Ordinal)) values[part.Trim('{', '}')] = segments[i];
                    else if (string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)) literals++;
                    else ok = false;
                }
                if (!ok) continue;
                known = true;
                if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) || literals <= bestLiterals) continue;
                best = route;
                bestValues = values;
                bestLiterals = literals;
            }
            return (best, bestValues, known);
        }

        /// <summary>Nimble's timestamp form: 2012-09-07T16:49:56+0000.</summary>
        public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture);

        public static string? Time(DateTimeOffset? t) => t.HasValue ? Time(t.Value) : null;

        public JsonObject UserInfo() => new JsonObject
        {
            ["user_id"] = State.UserId,
            ["name"] = State.UserName,
            ["email"] = State.UserEmail,
            ["avatar_url"] = "",
            ["is_active"] = true,
        };

        public static string Html(string text) =>
            new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").ToString();

        public static List<string> StringList(JsonNode? node, string field)
        {
            var list = new List<string>();
            if (node == null) return list;
            if (node is not JsonArray array) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { [field] = "Must be a list." });
            foreach (var item in array)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var s)) list.Add(s);
                else throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { [field] = "Must be a list of strings." });
            }
            return list;
        }

        public static string? Text(JsonNode? node)
        {
            if (node is JsonValue v)
            {
                if (v.TryGetValue<string>(out var s)) return s;
                return v.ToJsonString();
            }
            return node?.ToJsonString();
        }
    }
}
