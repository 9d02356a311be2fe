using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace CrmTools.Engine.Connections
{
    /// <summary>
    /// Every open connection of the process, and the default connection per service.
    /// Defaults are kept per session (the runspace that called Connect-*), so two runspaces can
    /// work with different accounts at once; a runspace that never connected (a
    /// ForEach-Object -Parallel or thread-job runspace) falls back to the process's most
    /// recent connection for that service. -Connection always wins over both.
    /// </summary>
    public static class ConnectionRegistry
    {
        private static readonly ConcurrentDictionary<Guid, CrmConnection> All = new ConcurrentDictionary<Guid, CrmConnection>();
        private static readonly ConcurrentDictionary<(Guid Session, string Service), CrmConnection> SessionDefaults =
            new ConcurrentDictionary<(Guid, string), CrmConnection>();
        // Sessions that disconnected their default: they must not silently fall back to another session's connection.
        private static readonly ConcurrentDictionary<(Guid Session, string Service), byte> Disconnected =
            new ConcurrentDictionary<(Guid, string), byte>();
        private static readonly ConcurrentDictionary<string, CrmConnection> ProcessDefaults =
            new ConcurrentDictionary<string, CrmConnection>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Adds a connection and makes it the default for its service in <paramref name="session"/>.</summary>
        public static void Register(CrmConnection connection, Guid session)
        {
            All[connection.Id] = connection;
            SessionDefaults[(session, connection.Service.ToUpperInvariant())] = connection;
            Disconnected.TryRemove((session, connection.Service.ToUpperInvariant()), out _);
            ProcessDefaults[connection.Service] = connection;
        }

        public static CrmConnection? GetDefault(string service, Guid session)
        {
            var key = (session, service.ToUpperInvariant());
            if (SessionDefaults.TryGetValue(key, out var c) && !c.IsDisposed) return c;
            if (Disconnected.ContainsKey(key)) return null;
            return ProcessDefaults.TryGetValue(service, out c) && !c.IsDisposed ? c : null;
        }

        /// <summary>All open connections, oldest first, with <see cref="CrmConnection.IsDefault"/> set for <paramref name="session"/>.</summary>
        public static IReadOnlyList<CrmConnection> List(Guid session)
        {
            var list = All.Values.Where(c => !c.IsDisposed).OrderBy(c => c.ConnectedAt).ToList();
            foreach (var c in list) c.IsDefault = ReferenceEquals(GetDefault(c.Service, session), c);
            return list;
        }

        /// <summary>Forgets a connection everywhere (Disconnect-*).</summary>
        public static void Remove(CrmConnection connection)
        {
            All.TryRemove(connection.Id, out _);
            foreach (var pair in SessionDefaults.Where(p => ReferenceEquals(p.Value, connection)).ToList())
            {
                SessionDefaults.TryRemove(pair.Key, out _);
                Disconnected[pair.Key] = 0;
            }
            foreach (var pair in ProcessDefaults.Where(p => ReferenceEquals(p.Value, connection)).ToList())
            {
                // Fall back to the newest remaining connection of the same service.
                var next = All.Values.Where(c => c.Service == connection.Service && !c.IsDisposed).OrderByDescending(c => c.ConnectedAt).FirstOrDefault();
                if (next != null) ProcessDefaults[pair.Key] = next; else ProcessDefaults.TryRemove(pair.Key, out _);
            }
        }
    }
}
