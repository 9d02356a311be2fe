using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using CrmTools.Sandbox.LimeGo;

namespace CrmTools.Sandbox
{
    /// <summary>The emulated Lime Go service: its address, API keys and test knobs.</summary>
    public sealed class LimeGoSandbox
    {
        private readonly LimeGoService _service;

        internal LimeGoSandbox(LimeGoService service) => _service = service;

        /// <summary>The service address for Connect-LimeGo -BaseUri (BaseUri + "limego/"); the API is under v1/.</summary>
        public Uri BaseUri => _service.BaseUri;

        /// <summary>The API key of the main account.</summary>
        public string ApiKey => _service.Primary.ApiKey;

        /// <summary>A new read-only SecureString of <see cref="ApiKey"/>, for Connect-LimeGo -ApiKey.</summary>
        public SecureString SecureApiKey => Secure(ApiKey);

        /// <summary>The API key of a second account (its own data, feed and subscriptions).</summary>
        public string SecondApiKey => _service.Second.ApiKey;

        /// <summary>Adds <paramref name="count"/> generated events to an account's feed (the main one by default)
        /// and returns their positions, oldest first.</summary>
        public IReadOnlyList<string> EnqueueEvents(int count, string? apiKey = null)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            return _service.RaiseRandom(apiKey ?? ApiKey, count);
        }

        /// <summary>Events waiting in an account's feed (the main one by default).</summary>
        public int FeedLength(string? apiKey = null) => _service.WithAccount(apiKey ?? ApiKey, a => a.FeedLength);

        /// <summary>A snapshot of a deal of the main account, or null.</summary>
        public LimeGoSandboxRecord? GetDeal(int id) => _service.WithAccount(ApiKey, a =>
        {
            var d = a.Deal(id);
            return d == null ? null : new LimeGoSandboxRecord(d.Id, d.Name, d.Status, d.ResponsibleCoworker?.Id);
        });

        /// <summary>A snapshot of an organization of the main account (State is its customer relation), or null.</summary>
        public LimeGoSandboxRecord? GetOrganization(int id) => _service.WithAccount(ApiKey, a =>
        {
            var o = a.Organization(id);
            return o == null ? null : new LimeGoSandboxRecord(o.Id, o.Name, o.CustomerRelation, o.ResponsibleCoworker?.Id);
        });

        /// <summary>The main account's coworkers (State is the e-mail address).</summary>
        public IReadOnlyList<LimeGoSandboxRecord> Coworkers =>
            _service.WithAccount(ApiKey, a => a.Coworkers.Select(c => new LimeGoSandboxRecord(c.Id, c.Name, c.Email, null)).ToList());

        /// <summary>The main account's push subscriptions: id and target URL (State is the event list, comma-separated).</summary>
        public IReadOnlyList<LimeGoSandboxRecord> Subscriptions =>
            _service.WithAccount(ApiKey, a => a.Subscriptions.Select(s => new LimeGoSandboxRecord(s.Id, s.TargetUrl, string.Join(",", s.Events), null)).ToList());

        /// <summary>Push deliveries made so far, oldest first.</summary>
        public IReadOnlyList<LimeGoSandboxDelivery> Deliveries => _service.Push.Deliveries;

        /// <summary>Fresh seeded data, empty feeds, no subscriptions or deliveries (for tests that need a clean account).</summary>
        public void Reset() => _service.Reset();

        private static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>A snapshot of an emulated Lime Go record for tests.</summary>
    public sealed class LimeGoSandboxRecord
    {
        internal LimeGoSandboxRecord(int id, string name, string state, int? responsibleCoworkerId)
        {
            Id = id;
            Name = name;
            State = state;
            ResponsibleCoworkerId = responsibleCoworkerId;
        }

        public int Id { get; }
        public string Name { get; }

        /// <summary>A deal's status, an organization's relation, a coworker's e-mail or a subscription's events.</summary>
        public string State { get; }

        public int? ResponsibleCoworkerId { get; }

        public override string ToString() => $"{Id} {Name} ({State})";
    }

    /// <summary>One push delivery: which subscription, what, and how the target answered.</summary>
    public sealed class LimeGoSandboxDelivery
    {
        private int _tries;
        private int _lastStatus;

        internal LimeGoSandboxDelivery(int subscriptionId, string targetUrl, string eventType, string body)
        {
            SubscriptionId = subscriptionId;
            TargetUrl = targetUrl;
            EventType = eventType;
            Body = body;
        }

        public int SubscriptionId { get; }
        public string TargetUrl { get; }
        public string EventType { get; }

        /// <summary>The JSON POSTed.</summary>
        public string Body { get; }

        public int Tries => Volatile.Read(ref _tries);

        /// <summary>The target's last HTTP status; 0 when it could not be reached (or not tried yet).</summary>
        public int LastStatus => Volatile.Read(ref _lastStatus);

        public bool Succeeded => LastStatus >= 200 && LastStatus < 300;

        internal void Record(int tries, int status)
        {
            Volatile.Write(ref _lastStatus, status);
            Volatile.Write(ref _tries, tries);
        }
    }
}
