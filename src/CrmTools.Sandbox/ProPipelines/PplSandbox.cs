using System;
using System.Collections.Generic;
using CrmTools.Sandbox.ProPipelines;

namespace CrmTools.Sandbox
{
    /// <summary>The emulated ProPipelines account: its address, credentials and test knobs.</summary>
    public sealed class PplSandbox
    {
        private readonly PplService _service;

        internal PplSandbox(PplService service) => _service = service;

        private PplState State => _service.State;

        /// <summary>The account address (BaseUri + "ppl/"); the API is AccountUri + "api/v2/...".</summary>
        public Uri AccountUri => State.AccountUri;

        /// <summary>The account slug.</summary>
        public string Slug => State.Slug;

        /// <summary>A valid X-API-KEY (acts as the first admin).</summary>
        public string ApiKey => State.ApiKey;

        /// <summary>A snapshot of the account's users (seeded and created).</summary>
        public IReadOnlyList<PplSandboxUser> Users
        {
            get
            {
                lock (State.Sync)
                {
                    var list = new List<PplSandboxUser>(State.Users.Count);
                    foreach (var u in State.Users)
                        list.Add(new PplSandboxUser
                        {
                            Id = u.Id, Email = u.Email, Password = u.Password, FirstName = u.FirstName, LastName = u.LastName,
                            IsAdmin = u.IsAdmin, Phone = u.Phone, MobilePhone = u.MobilePhone, JobTitle = u.JobTitle,
                            HasActivated = u.HasActivated, IsDisabled = u.IsDisabled, TeamId = State.TeamOfUser(u.Id)?.Id,
                        });
                    return list;
                }
            }
        }

        /// <summary>Requests allowed per UTC day before 429 "Too many requests".</summary>
        public int DailyQuota
        {
            get => _service.Quota.Limit;
            set => _service.Quota.Limit = value;
        }

        /// <summary>Authenticated requests counted today (refused ones are not counted).</summary>
        public int RequestsToday => _service.Quota.Used;

        /// <summary>Starts today's count from zero.</summary>
        public void ResetQuota() => _service.Quota.Reset();

        /// <summary>How many leads the account holds now.</summary>
        public int LeadCount
        {
            get { lock (State.Sync) return State.Leads.Count; }
        }

        /// <summary>Replaces every lead (and their comments, attachments, histories) with
        /// <paramref name="count"/> generated ones, ids from 1001 up.</summary>
        public void SeedLeads(int count) => _service.SeedLeads(count);
    }
}
