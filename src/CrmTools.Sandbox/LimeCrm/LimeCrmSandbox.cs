using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using CrmTools.Sandbox.LimeCrm;

namespace CrmTools.Sandbox
{
    /// <summary>The emulated Lime CRM application: its address, API key, and what it holds.</summary>
    public sealed class LimeCrmSandbox
    {
        private readonly LimeCrmService _service;

        internal LimeCrmSandbox(LimeCrmService service) => _service = service;

        private LimeCrmState State => _service.State;

        /// <summary>The application address (for Connect-LimeCrm -BaseUri); the API is BaseUri + "api/v1/".</summary>
        public Uri BaseUri
        {
            get { lock (State.Sync) return new Uri(State.ApiUri, "../../"); }
        }

        /// <summary>The API root, BaseUri + "api/v1/".</summary>
        public Uri ApiUri
        {
            get { lock (State.Sync) return State.ApiUri; }
        }

        /// <summary>A valid x-api-key.</summary>
        public string ApiKey => State.ApiKey;

        /// <summary>The API key as a SecureString, ready for Connect-LimeCrm -ApiKey.</summary>
        public SecureString SecureApiKey
        {
            get
            {
                var secure = new SecureString();
                foreach (var c in State.ApiKey) secure.AppendChar(c);
                secure.MakeReadOnly();
                return secure;
            }
        }

        /// <summary>The limetype names.</summary>
        public IReadOnlyList<string> Limetypes => State.Types.Select(t => t.Name).ToList();

        /// <summary>How many objects a limetype holds now.</summary>
        public int Count(string limetype)
        {
            lock (State.Sync) return State.Objects.TryGetValue(limetype, out var table) ? table.Count : 0;
        }

        /// <summary>
        /// A snapshot of a limetype's objects, oldest first: each as property name to stored value (every property but the
        /// hasmany relations, null when not set; options by key, sets as arrays of keys, relations as ids), with "_id".
        /// </summary>
        public IReadOnlyList<IReadOnlyDictionary<string, object?>> Objects(string limetype)
        {
            lock (State.Sync)
            {
                var type = State.Type(limetype);
                if (type == null || !State.Objects.TryGetValue(type.Name, out var table)) return Array.Empty<IReadOnlyDictionary<string, object?>>();
                return table.Values.Select(r =>
                {
                    var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["_id"] = r.Id };
                    foreach (var p in type.Properties.Where(p => !p.IsHasMany))
                    {
                        var value = r.Get(p.Name);
                        copy[p.Name] = value is List<string> set ? set.ToArray() : value;
                    }
                    return (IReadOnlyDictionary<string, object?>)copy;
                }).ToList();
            }
        }

        /// <summary>Puts the seeded data back (every object created or changed since is gone).</summary>
        public void Reset() => _service.Reseed();
    }
}
