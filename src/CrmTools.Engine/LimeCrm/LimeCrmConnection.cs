using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>A connection to one Lime CRM application (REST API v1, API key).</summary>
    public sealed class LimeCrmConnection : CrmConnection
    {
        public const string ServicePrefix = LimeCrmWire.ServicePrefix;

        private LimeCrmConnection(Uri applicationUri, CrmHttpClient http)
            : base(ServicePrefix, LimeCrmWire.DisplayName, applicationUri, http)
        {
            Metadata = new LimeCrmMetadata(this);
            Objects = new LimeObjectsApi(this);
            Application = Uri.UnescapeDataString(applicationUri.Segments.LastOrDefault()?.Trim('/') ?? string.Empty);
        }

        /// <summary>The application's name (the last segment of its address).</summary>
        public string Application { get; }

        public override string Account => Application.Length > 0 ? Application : BaseUri.Host;

        public override string AuthMethod => "ApiKey";

        /// <summary>Limetype metadata, fetched once per connection.</summary>
        public LimeCrmMetadata Metadata { get; }

        /// <summary>Limeobjects of any limetype: get, list, create, update, delete.</summary>
        public LimeObjectsApi Objects { get; }

        /// <summary>Creates a connection and checks the API key by listing the limetypes.</summary>
        public static async Task<LimeCrmConnection> ConnectAsync(LimeCrmConnectOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var applicationUri = options.ResolveApplicationUri();
            options.Validate();
            if (applicationUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(applicationUri))
            {
                CrmLog.Warning($"{applicationUri} is plain http: the API key travels unencrypted. Use https.");
            }
            var apiKey = Secret.FromSecureString(options.ApiKey!);
            var http = new CrmHttpClient(ServicePrefix, new Uri(applicationUri, LimeCrmWire.ApiRoot), options.Http, new LimeCrmAuthenticator(apiKey));
            var connection = new LimeCrmConnection(applicationUri, http);
            try
            {
                var names = await connection.Metadata.GetNamesAsync(cancellationToken).ConfigureAwait(false);
                CrmLog.Verbose($"Lime CRM application '{connection.Account}' has {names.Count} limetypes.");
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
