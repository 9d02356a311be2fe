using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.LimeGo
{
    /// <summary>One emulated Lime Go account: its API key, records, event queue and push subscriptions.
    /// Guarded by the service's lock.</summary>
    internal sealed class LimeGoAccount
    {
        /// <summary>Events handed out per feed call, as documented.</summary>
        public const int FeedBatchSize = 50;

        /// <summary>The statuses of deals in this account (Lime Go accounts configure their own steps).</summary>
        public static readonly string[] DealStatuses = { "NEW", "CONTACT", "PROPOSAL", "NEGOTIATION", "ORDER", "LOST" };

        public static readonly string[] Relations = { "NO_RELATION", "BEEN_IN_TOUCH", "WORKING_ON_IT", "IS_A_CUSTOMER", "WAS_A_CUSTOMER" };

        public static readonly string[] EventTypes =
        {
            "OrganizationBeenInTouch", "OrganizationHasNoRelation", "OrganizationIsACustomer", "OrganizationWasACustomer",
            "OrganizationWorkingOnIt", "DealWon", "DealLost", "DealStatusChange", "CallPositive", "CallNegative",
            "MeetingBooked", "MeetingReported", "MeetingCancelled",
        };

        // Event times advance from a fixed start, so generated data does not depend on the day.
        private static readonly DateTimeOffset Epoch = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

        private readonly Queue<string> _feed = new Queue<string>();
        private readonly Random _random;
        private long _position;

        public LimeGoAccount(string apiKey, int seed)
        {
            ApiKey = apiKey;
            _random = new Random(seed);
            LimeGoSeeder.Seed(this, new Random(seed));
        }

        public string ApiKey { get; }
        public List<LgCoworker> Coworkers { get; } = new List<LgCoworker>();
        public List<LgOrganization> Organizations { get; } = new List<LgOrganization>();
        public List<LgDeal> Deals { get; } = new List<LgDeal>();
        public List<LgSubscription> Subscriptions { get; } = new List<LgSubscription>();
        public int NextSubscriptionId { get; set; } = 1;

        public int FeedLength => _feed.Count;

        public LgDeal? Deal(int id) => Deals.FirstOrDefault(d => d.Id == id);
        public LgOrganization? Organization(int id) => Organizations.FirstOrDefault(o => o.Id == id);
        public LgCoworker? Coworker(int id) => Coworkers.FirstOrDefault(c => c.Id == id);

        /// <summary>Up to 50 events, oldest first; consumed unless <paramref name="peek"/>.</summary>
        public List<string> TakeFeed(bool peek)
        {
            if (peek) return _feed.Take(FeedBatchSize).ToList();
            var batch = new List<string>(Math.Min(FeedBatchSize, _feed.Count));
            while (batch.Count < FeedBatchSize && _feed.Count > 0) batch.Add(_feed.Dequeue());
            return batch;
        }

        /// <summary>Adds an event to the feed and returns its JSON (for push delivery).</summary>
        public JsonObject Raise(string eventType, LgCoworker? coworker, LgDeal? deal, LgOrganization? organization)
        {
            var position = ++_position;
            var ev = new JsonObject
            {
                ["position"] = position,
                ["eventType"] = eventType,
                ["timestamp"] = Epoch.AddSeconds(position).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["origin"] = "sandbox",
            };
            if (coworker != null)
            {
                ev["coworker"] = new JsonObject
                {
                    ["id"] = coworker.Id, ["firstName"] = coworker.FirstName, ["lastName"] = coworker.LastName, ["email"] = coworker.Email,
                };
            }
            if (deal != null)
            {
                ev["deal"] = new JsonObject
                {
                    ["id"] = deal.Id, ["name"] = deal.Name, ["value"] = deal.Value, ["currency"] = deal.Currency, ["status"] = deal.Status,
                };
                organization ??= deal.Customer;
            }
            if (organization != null)
            {
                ev["organization"] = new JsonObject
                {
                    ["id"] = organization.Id, ["name"] = organization.Name, ["relation"] = organization.CustomerRelation,
                };
            }
            _feed.Enqueue(JsonText.ToText(ev));
            return ev;
        }

        /// <summary>Generated activity: random event types about random deals, organizations and coworkers.</summary>
        public List<JsonObject> RaiseRandom(int count)
        {
            var raised = new List<JsonObject>(count);
            for (var i = 0; i < count; i++)
            {
                var type = EventTypes[_random.Next(EventTypes.Length)];
                var coworker = Coworkers[_random.Next(Coworkers.Count)];
                if (type.StartsWith("Deal", StringComparison.Ordinal))
                    raised.Add(Raise(type, coworker, Deals[_random.Next(Deals.Count)], null));
                else
                    raised.Add(Raise(type, coworker, null, Organizations[_random.Next(Organizations.Count)]));
            }
            return raised;
        }

        /// <summary>The event name for an organization's new relation (IS_A_CUSTOMER: OrganizationIsACustomer).</summary>
        public static string RelationEvent(string relation) => relation switch
        {
            "NO_RELATION" => "OrganizationHasNoRelation",
            "BEEN_IN_TOUCH" => "OrganizationBeenInTouch",
            "WORKING_ON_IT" => "OrganizationWorkingOnIt",
            "IS_A_CUSTOMER" => "OrganizationIsACustomer",
            _ => "OrganizationWasACustomer",
        };
    }
}
