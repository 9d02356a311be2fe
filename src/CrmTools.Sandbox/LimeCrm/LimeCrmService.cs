using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.LimeCrm
{
    /// <summary>
    /// Lime CRM's REST API under /limecrm/sandbox/api/v1/: the x-api-key header, HAL answers
    /// (application/hal+json), /limetype/ metadata and /limeobject/ CRUD. Paths work with or without the
    /// trailing slash the real API uses.
    /// </summary>
    internal sealed class LimeCrmService : ISandboxService
    {
        private const string MediaType = "application/hal+json; charset=utf-8";

        public LimeCrmService(SandboxOptions options)
        {
            State = new LimeCrmState(options.Seed);
            lock (State.Sync) LimeCrmSeeder.Seed(State);
            Facade = new LimeCrmSandbox(this);
        }

        public string Prefix => "limecrm";

        public LimeCrmState State { get; }

        public LimeCrmSandbox Facade { get; }

        /// <summary>Called once the listener knows its address.</summary>
        public void Attach(Uri serviceUri)
        {
            lock (State.Sync) State.ApiUri = new Uri(serviceUri, LimeCrmState.Application + "/api/v1/");
        }

        public void Reseed()
        {
            lock (State.Sync) LimeCrmSeeder.Seed(State);
        }

        public ServiceResponse Handle(ServiceRequest request, IReadOnlyList<string> segments)
        {
            try
            {
                if (segments.Count < 3 || !segments[0].Equals(LimeCrmState.Application, StringComparison.OrdinalIgnoreCase) ||
                    !segments[1].Equals("api", StringComparison.OrdinalIgnoreCase) || !segments[2].Equals("v1", StringComparison.OrdinalIgnoreCase))
                {
                    throw LimeCrmError.NotFound($"No Lime CRM API here; the application's API is /{Prefix}/{LimeCrmState.Application}/api/v1/.");
                }
                Authenticate(request);
                var accept = request.Header("Accept");
                if (!string.IsNullOrEmpty(accept) && accept!.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0 && accept.IndexOf("*/*", StringComparison.Ordinal) < 0)
                {
                    throw new LimeCrmError(406, "not_acceptable", "The API answers application/hal+json only.");
                }
                var path = segments.Skip(3).ToList();
                lock (State.Sync) return Route(request, path);
            }
            catch (LimeCrmError e)
            {
                return Answer(e.Status, new JsonObject { ["error"] = e.Code, ["message"] = e.Message });
            }
        }

        private void Authenticate(ServiceRequest request)
        {
            var key = request.Header("x-api-key");
            if (string.IsNullOrEmpty(key)) throw new LimeCrmError(401, "unauthorized", "No API key: send it in the x-api-key header.");
            if (!string.Equals(key, State.ApiKey, StringComparison.Ordinal)) throw new LimeCrmError(401, "unauthorized", "Invalid API key.");
        }

        private ServiceResponse Route(ServiceRequest request, List<string> path)
        {
            var method = request.Method;
            var relative = string.Join("/", path) + "/";
            if (path.Count >= 1 && path[0].Equals("limetype", StringComparison.OrdinalIgnoreCase))
            {
                if (method != "GET") throw MethodNotAllowed();
                var embed = request.Query.Where(q => q.Key == "_embed").Select(q => q.Value).ToList();
                if (path.Count == 1)
                {
                    var all = new JsonArray();
                    foreach (var t in State.Types) all.Add(LimeCrmJson.Limetype(State, t, embed.Contains("limetypes.properties")));
                    return Answer(200, new JsonObject
                    {
                        ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = LimeCrmJson.Href(State, "limetype/") } },
                        ["_embedded"] = new JsonObject { ["limetypes"] = all },
                    });
                }
                var type = Limetype(path[1]);
                if (path.Count == 2) return Answer(200, LimeCrmJson.Limetype(State, type, embed.Contains("properties")));
                if (path.Count == 3)
                {
                    var p = type.Property(path[2]) ?? throw LimeCrmError.NotFound($"Limetype '{type.Name}' has no property '{path[2]}'.");
                    return Answer(200, LimeCrmJson.Property(State, type, p));
                }
            }
            else if (path.Count >= 2 && path[0].Equals("limeobject", StringComparison.OrdinalIgnoreCase))
            {
                var type = Limetype(path[1]);
                switch (path.Count)
                {
                    case 2 when method == "GET":
                        return Answer(200, LimeCrmObjectsApi.List(State, request, type, State.Table(type).Values, relative));
                    case 2 when method == "POST":
                        return Answer(201, LimeCrmJson.Object(State, LimeCrmObjectsApi.Create(State, type, request)));
                    case 2:
                        throw MethodNotAllowed();
                    case 3:
                        var record = LimeCrmObjectsApi.Get(State, type, path[2]);
                        switch (method)
                        {
                            case "GET":
                                return Answer(200, LimeCrmJson.Object(State, record));
                            case "PUT":
                            case "PATCH":
                                return Answer(200, LimeCrmJson.Object(State, LimeCrmObjectsApi.Update(State, type, record, request)));
                            case "DELETE":
                                LimeCrmObjectsApi.Delete(State, record);
                                return ServiceResponse.Empty(204);
                            default:
                                throw MethodNotAllowed();
                        }
                    case 4 when method == "GET":
                        var owner = LimeCrmObjectsApi.Get(State, type, path[2]);
                        return Answer(200, LimeCrmObjectsApi.Related(State, request, owner, path[3], relative));
                    case 4:
                        throw MethodNotAllowed();
                }
            }
            throw LimeCrmError.NotFound($"No endpoint /{relative}.");
        }

        private LimeTypeDef Limetype(string name) =>
            State.Type(name) ?? throw LimeCrmError.NotFound($"Unknown limetype '{name}'.");

        private static LimeCrmError MethodNotAllowed() => new LimeCrmError(405, "method_not_allowed", "Method not allowed.");

        private static ServiceResponse Answer(int status, JsonNode node) => new ServiceResponse(status, JsonText.ToUtf8(node), MediaType);
    }
}
