using System;

namespace CrmTools.Engine.LimeGo.Models
{
    /// <summary>A push subscription: the service POSTs the named events to <see cref="TargetUrl"/>.</summary>
    public sealed class LimeGoSubscription
    {
        public LimeGoSubscription(string id, Uri targetUrl, string[] events)
        {
            Id = id;
            TargetUrl = targetUrl;
            Events = events;
        }

        /// <summary>The subscription's id (what Unregister-LimeGoSubscription takes).</summary>
        public string Id { get; }

        public Uri TargetUrl { get; }

        /// <summary>The events delivered; empty means every event.</summary>
        public string[] Events { get; }

        /// <summary>Alias of <see cref="Id"/> for pipeline binding.</summary>
        public string SubscriptionId => Id;

        public override string ToString() => $"{Id} -> {TargetUrl}";
    }
}
