using System;
using System.Collections.Generic;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    internal delegate ServiceResponse PplHandler(PplCall call);

    /// <summary>
    /// Matches "leads/{id}/comments"-style patterns against the path after /api/v2/.
    /// When several match, the one with more literal segments wins ("leads/unassigned" over "leads/{id}").
    /// </summary>
    internal sealed class PplRouter
    {
        private readonly List<Route> _routes = new List<Route>();

        public sealed class Route
        {
            public Route(string method, string[] parts, PplHandler handler, bool anonymous)
            {
                Method = method;
                Parts = parts;
                Handler = handler;
                Anonymous = anonymous;
                foreach (var p in parts) if (!p.StartsWith("{", StringComparison.Ordinal)) Literals++;
            }

            public string Method { get; }
            public string[] Parts { get; }
            public PplHandler Handler { get; }
            public bool Anonymous { get; }
            public int Literals { get; }
        }

        public void Get(string pattern, PplHandler handler, bool anonymous = false) => Add("GET", pattern, handler, anonymous);
        public void Post(string pattern, PplHandler handler) => Add("POST", pattern, handler, false);
        public void Put(string pattern, PplHandler handler) => Add("PUT", pattern, handler, false);
        public void Delete(string pattern, PplHandler handler) => Add("DELETE", pattern, handler, false);

        private void Add(string method, string pattern, PplHandler handler, bool anonymous) =>
            _routes.Add(new Route(method, pattern.Split('/'), handler, anonymous));

        /// <summary>The best route for the path and method; <paramref name="pathKnown"/> tells a 405 from a 404.</summary>
        public Route? Match(string method, IReadOnlyList<string> segments, out Dictionary<string, string> values, out bool pathKnown)
        {
            Route? best = null;
            values = new Dictionary<string, string>();
            pathKnown = false;
            foreach (var route in _routes)
            {
                var found = TryMatch(route, segments);
                if (found == null) continue;
                pathKnown = true;
                if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (best == null || route.Literals > best.Literals)
                {
                    best = route;
                    values = found;
                }
            }
            return best;
        }

        private static Dictionary<string, string>? TryMatch(Route route, IReadOnlyList<string> segments)
        {
            if (route.Parts.Length != segments.Count) return null;
            var values = new Dictionary<string, string>();
            for (int i = 0; i < segments.Count; i++)
            {
                var part = route.Parts[i];
                if (part.StartsWith("{", StringComparison.Ordinal)) values[part.Trim('{', '}')] = segments[i];
                else if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)) return null;
            }
            return values;
        }
    }
}
