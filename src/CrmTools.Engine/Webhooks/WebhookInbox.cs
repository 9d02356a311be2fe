using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;
using CrmTools.Engine.Spool;
using CrmTools.Engine.Userlike;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>Where webhook spools live by default.</summary>
    public static class WebhookSpool
    {
        /// <summary>The environment variable that moves the default spool (e.g. for a runbook's work folder).</summary>
        public const string PathVariable = "CRMTOOLS_WEBHOOK_SPOOL";

        /// <summary>
        /// $env:CRMTOOLS_WEBHOOK_SPOOL, else a folder of the user's local application data: %LOCALAPPDATA%\CrmTools\Webhooks
        /// on Windows, ~/.local/share/CrmTools/Webhooks on Linux (the equivalent on macOS).
        /// </summary>
        public static string DefaultPath()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment!.Trim());
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(local)) local = Path.Combine(Path.GetTempPath(), "CrmTools-" + Environment.UserName);
            return Path.Combine(local, "CrmTools", "Webhooks");
        }
    }

    /// <summary>One delivery read from the spool, as a typed event.</summary>
    public sealed class WebhookDelivery
    {
        internal WebhookDelivery(SpoolItem item, WebhookService service, string eventId, string? eventName, bool verified, object @event, object? body)
        {
            Item = item;
            Service = service;
            EventId = eventId;
            EventName = eventName;
            Verified = verified;
            Event = @event;
            Body = body;
        }

        internal SpoolItem Item { get; }

        public WebhookService Service { get; }

        public string EventId { get; }

        public string? EventName { get; }

        public DateTimeOffset ReceivedAt => Item.ReceivedAt;

        /// <summary>Whether the listener verified the sender (ProPipelines signatures).</summary>
        public bool Verified { get; }

        /// <summary>A <see cref="PplWebhookEvent"/> (ProPipelines) or a <see cref="CrmWebhookEvent"/> (Lime Go, Userlike).</summary>
        public object Event { get; }

        /// <summary>The body as plain objects.</summary>
        public object? Body { get; }

        /// <summary>The spool file (for messages).</summary>
        public string SpoolName => Item.Name;
    }

    /// <summary>A spool item that cannot be read as a delivery.</summary>
    public sealed class WebhookSpoolItemException : CrmException
    {
        internal WebhookSpoolItemException(string name, string message, Exception? inner = null)
            : base("Crm", CrmErrorKind.Protocol, message, inner)
        {
            SpoolName = name;
            ErrorId = "WebhookSpoolItemUnreadable";
        }

        public string SpoolName { get; }

        /// <summary>Where the item was moved (failed/), when it was.</summary>
        public string? MovedTo { get; internal set; }
    }

    /// <summary>
    /// Reads a webhook spool (what Receive-CrmWebhook does): lists deliveries oldest first, reads each as a typed
    /// event, and completes it once the consumer has taken it. A consuming inbox holds the spool's reader lock.
    /// </summary>
    public sealed class WebhookInbox : IDisposable
    {
        private readonly SpoolReader _reader;

        private WebhookInbox(SpoolReader reader) => _reader = reader;

        public string SpoolPath => _reader.Path;

        /// <summary>Opens the spool at <paramref name="spoolPath"/> (default <see cref="WebhookSpool.DefaultPath"/>);
        /// <paramref name="peek"/> only looks (no lock, nothing completed). Throws <see cref="SpoolBusyException"/>
        /// when another consumer is reading.</summary>
        public static WebhookInbox Open(string? spoolPath, bool peek) =>
            new WebhookInbox(SpoolReader.Open(spoolPath ?? WebhookSpool.DefaultPath(), consume: !peek));

        /// <summary>Pending spool names, oldest first.</summary>
        public IReadOnlyList<string> ListPending() => _reader.ListPending();

        /// <summary>
        /// Reads one delivery; null when it is gone meanwhile. An unreadable item is moved to failed/ (when consuming)
        /// and reported with <see cref="WebhookSpoolItemException"/>.
        /// </summary>
        public WebhookDelivery? Read(string name)
        {
            SpoolItem? item;
            try
            {
                item = _reader.Read(name);
            }
            catch (InvalidDataException ex)
            {
                throw Unreadable(name, $"The spooled delivery {name} is not readable ({ex.Message})", ex);
            }
            catch (IOException ex)
            {
                throw new WebhookSpoolItemException(name, $"The spooled delivery {name} could not be read: {ex.Message}", ex) { ErrorId = "WebhookSpoolReadFailed" };
            }
            if (item == null) return null;
            try
            {
                return Convert(item);
            }
            catch (Exception ex) when (ex is JsonException || ex is CrmException || ex is FormatException || ex is InvalidOperationException || ex is ArgumentException)
            {
                throw Unreadable(name, $"The spooled delivery {name} ({item.Id}) cannot be read as an event: {ex.Message}", ex);
            }
        }

        /// <summary>Removes a delivery its consumer has taken.</summary>
        public void Complete(WebhookDelivery delivery) => _reader.Complete(delivery.Item);

        /// <summary>Waits for new deliveries: a file system notification, or <paramref name="pollInterval"/> at the latest.</summary>
        public Task WaitForChangeAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
            _reader.WaitForChangeAsync(pollInterval, cancellationToken);

        private WebhookSpoolItemException Unreadable(string name, string message, Exception inner)
        {
            var error = new WebhookSpoolItemException(name, message, inner);
            var moved = _reader.MoveToFailed(name);
            if (moved != null) error.MovedTo = moved;
            return error;
        }

        internal static WebhookDelivery Convert(SpoolItem item)
        {
            var serviceText = item.Get(WebhookIntake.MetaService);
            if (!Enum.TryParse<WebhookService>(serviceText, ignoreCase: true, out var service))
            {
                throw new FormatException($"it names no known service ('{serviceText}')");
            }
            var eventId = item.Get(WebhookIntake.MetaEventId) ?? item.Id;
            var eventName = item.Get(WebhookIntake.MetaEvent);
            var verified = string.Equals(item.Get(WebhookIntake.MetaVerified), "true", StringComparison.OrdinalIgnoreCase);
            object? body;
            using (var document = JsonDocument.Parse(item.Payload))
            {
                body = PlainJson.ToPlain(document.RootElement);
                switch (service)
                {
                    case WebhookService.Ppl:
                        // The ProPipelines engine reads the event; lead events get a typed lead.
                        var ppl = PplWebhooksApi.ParseEvent(Encoding.UTF8.GetString(item.Payload));
                        return new WebhookDelivery(item, service, eventId, eventName ?? ppl.Event, verified, ppl, body);
                    case WebhookService.LimeGo:
                        var limeGo = new CrmWebhookEvent(service, eventId, eventName, item.ReceivedAt, body)
                        {
                            TypedBody = TryLimeGoEvent(document.RootElement),
                        };
                        return new WebhookDelivery(item, service, eventId, eventName, verified, limeGo, body);
                    default:
                        var userlike = new CrmWebhookEvent(service, eventId, eventName, item.ReceivedAt, body)
                        {
                            ObjectId = item.Get(WebhookIntake.MetaObjectId),
                            TypedBody = TryUserlikeConversation(item),
                        };
                        return new WebhookDelivery(item, service, eventId, eventName, verified, userlike, body);
                }
            }
        }

        // The Lime Go push body is not documented; when it reads as a feed event it gets the typed model.
        private static object? TryLimeGoEvent(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            try
            {
                return root.Deserialize(LimeGoJsonContext.Default.LimeGoEvent);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // Conversation callbacks read as the Userlike engine's conversation (what ConvertFrom-UserlikeConversation gives).
        private static object? TryUserlikeConversation(SpoolItem item)
        {
            var results = UserlikeConversationReader.ReadText(Encoding.UTF8.GetString(item.Payload), "webhook " + item.Name);
            return results.Count == 1 ? results[0].Conversation : null;
        }

        public void Dispose() => _reader.Dispose();
    }
}
