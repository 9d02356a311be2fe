using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Webhooks;

namespace CrmTools.Webhooks
{
    /// <summary>The listeners this process runs (every runspace sees them: a thread job can stop what another started).</summary>
    internal static class WebhookListeners
    {
        private static readonly ConcurrentDictionary<int, WebhookListener> Running = new ConcurrentDictionary<int, WebhookListener>();

        public static void Add(WebhookListener listener) => Running[listener.Id] = listener;

        public static IReadOnlyList<WebhookListener> All => Running.Values.OrderBy(l => l.Id).ToList();

        public static bool TryGet(int id, out WebhookListener listener) => Running.TryGetValue(id, out listener!);

        /// <summary>Stops the listener (letting deliveries in hand finish) and forgets it.</summary>
        public static void Stop(WebhookListener listener)
        {
            listener.Stop();
            Running.TryRemove(listener.Id, out _);
        }
    }

    /// <summary>Plain values from the engine (dictionaries, arrays) as PowerShell objects, as ConvertFrom-Json makes them.</summary>
    internal static class PlainObjects
    {
        public static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case System.Collections.IDictionary map:
                    var o = new PSObject();
                    foreach (System.Collections.DictionaryEntry entry in map)
                    {
                        o.Properties.Add(new PSNoteProperty(entry.Key?.ToString() ?? string.Empty, ToPowerShell(entry.Value)));
                    }
                    return o;
                case object[] items:
                    var list = new object?[items.Length];
                    for (int i = 0; i < items.Length; i++) list[i] = ToPowerShell(items[i]);
                    return list;
                default:
                    return value;
            }
        }
    }
}
