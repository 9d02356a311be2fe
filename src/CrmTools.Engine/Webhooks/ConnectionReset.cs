using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>
    /// Ends a delivery's connection without answering, so its sender knows it was not accepted and sends it again.
    /// On Windows (http.sys) <see cref="HttpListenerResponse.Abort"/> does that; the managed HttpListener of Linux and
    /// macOS instead flushes a default "200 OK" while aborting, which would tell the sender a delivery we did not
    /// store was accepted. There the connection's socket is found by reflection and reset; if the internals are not
    /// where expected, Abort is the fallback.
    /// </summary>
    internal static class ConnectionReset
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        public static void Reset(HttpListenerContext ctx)
        {
            var socket = FindSocket(ctx);
            if (socket != null)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0); // RST: no graceful end, no answer
                    socket.Close();
                    return;
                }
                catch (Exception)
                {
                    // fall back to Abort
                }
            }
            try { ctx.Response.Abort(); } catch (Exception) { /* already gone */ }
        }

        private static Socket? FindSocket(HttpListenerContext ctx)
        {
            try
            {
                object? connection = null;
                foreach (var f in ctx.GetType().GetFields(Instance))
                {
                    if (f.FieldType.Name == "HttpConnection")
                    {
                        connection = f.GetValue(ctx);
                        break;
                    }
                }
                if (connection == null) return null;
                foreach (var f in connection.GetType().GetFields(Instance))
                {
                    if (typeof(Socket).IsAssignableFrom(f.FieldType)) return f.GetValue(connection) as Socket;
                }
            }
            catch (Exception)
            {
                // not the managed listener
            }
            return null;
        }
    }
}
