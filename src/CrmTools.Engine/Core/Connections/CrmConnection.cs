using System;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.Connections
{
    /// <summary>
    /// A live connection to one account of one service. Immutable once connected apart from
    /// renewable tokens, safe to share between runspaces and threads (hand it to
    /// ForEach-Object -Parallel or a thread job). Never shows its credentials.
    /// </summary>
    public abstract class CrmConnection : IDisposable
    {
        protected CrmConnection(string service, string displayService, Uri baseUri, CrmHttpClient http)
        {
            Service = service;
            DisplayService = displayService;
            BaseUri = baseUri;
            Http = http;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>A handle that tells connections apart in Get-CrmConnection.</summary>
        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>The command prefix of the service: Ppl, Nimble, LimeGo, LimeCrm.</summary>
        public string Service { get; }

        /// <summary>The service's product name.</summary>
        public string DisplayService { get; }

        /// <summary>The account address (not the API root).</summary>
        public Uri BaseUri { get; }

        /// <summary>Who the connection acts as (login e-mail, user id, or "API key").</summary>
        public abstract string Account { get; }

        /// <summary>How the connection authenticates (ApiKey, UserToken, Login, OAuth, ...).</summary>
        public abstract string AuthMethod { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Whether this is the default connection for its service in the session that asked.</summary>
        public bool IsDefault { get; internal set; }

        public HttpSettings HttpSettings => Http.Settings;

        /// <summary>The HTTP pipeline (engine use only).</summary>
        internal CrmHttpClient Http { get; }

        public bool IsDisposed { get; private set; }

        public override string ToString() => $"{DisplayService} {BaseUri} ({AuthMethod}: {Account})";

        public void Dispose()
        {
            if (IsDisposed) return;
            IsDisposed = true;
            Dispose(true);
            Http.Dispose();
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
