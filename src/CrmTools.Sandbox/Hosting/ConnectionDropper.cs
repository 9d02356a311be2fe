using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>
    /// Closes a request's connection without a single response byte. On Windows (http.sys)
    /// <see cref="HttpListenerResponse.Abort"/> does that; the managed HttpListener used on Linux and
    /// macOS instead flushes a "200 OK" while aborting, so there the socket is found by reflection
    /// and reset. Falls back to Abort when the internals are not where expected.
    /// </summary>
    internal static class ConnectionDropper
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        public static void Drop(HttpListenerContext ctx)
        {
            var socket = FindSocket(ctx);
            if (socket != null)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0); // RST, not a graceful FIN after data
                    socket.Close();
                    return;
                }
                catch (Exception) { /* fall back below */ }
            }
            try { ctx.Response.Abort(); } catch (Exception) { /* already gone */ }
        }

        private static Socket? FindSocket(HttpListenerContext ctx)
        {
            try
            {
                var connection = FieldOfTypeNamed(ctx, "HttpConnection");
                if (connection == null) return null;
                foreach (var f in connection.GetType().GetFields(Instance))
                    if (typeof(Socket).IsAssignableFrom(f.FieldType)) return f.GetValue(connection) as Socket;
            }
            catch (Exception) { /* not the managed listener */ }
            return null;
        }

        private static object? FieldOfTypeNamed(object owner, string typeName)
        {
            foreach (var f in owner.GetType().GetFields(Instance))
                if (f.FieldType.Name == typeName) return f.GetValue(owner);
            return null;
        }
    }
}
