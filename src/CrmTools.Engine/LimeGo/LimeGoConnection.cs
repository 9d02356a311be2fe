using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Http;
using CrmTools.Engine.LimeGo.GraphQL;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>A connection to one Lime Go account (REST v1 event feed and subscriptions, GraphQL), by API key.</summary>
    public sealed class LimeGoConnection : CrmConnection
    {
        public const string ServicePrefix = "LimeGo";

        private readonly bool _keyInQuery;

        private LimeGoConnection(Uri serviceUri, CrmHttpClient http, string accountKey, bool keyInQuery)
            : base(ServicePrefix, "Lime Go", serviceUri, http)
        {
            AccountKey = accountKey;
            _keyInQuery = keyInQuery;
            GraphQL = new LimeGoGraphQLClient(this);
            Feed = new LimeGoFeedApi(this);
            Subscriptions = new LimeGoSubscriptionsApi(this);
            Deals = new LimeGoDealsApi(this);
            Organizations = new LimeGoOrganizationsApi(this);
            Coworkers = new LimeGoCoworkersApi(this);
        }

        /// <summary>ApiKey (Authorization header) or ApiKeyQuery (apikey= query parameter).</summary>
        public override string AuthMethod => _keyInQuery ? "ApiKeyQuery" : "ApiKey";

        /// <summary>"API key" and a fingerprint that tells accounts apart without showing the key.</summary>
        public override string Account => "API key " + AccountKey.Substring(0, 8);

        /// <summary>
        /// A stable, non-reversible name of the account: the first 16 hex digits of SHA-256 over the service address and
        /// the key. It names the default feed spool, so each account (and each key) has its own.
        /// </summary>
        public string AccountKey { get; }

        /// <summary>The API root, e.g. https://api.lime-go.com/v1/.</summary>
        public Uri ApiUri => Http.ApiBase;

        public LimeGoGraphQLClient GraphQL { get; }

        public LimeGoFeedApi Feed { get; }

        public LimeGoSubscriptionsApi Subscriptions { get; }

        public LimeGoDealsApi Deals { get; }

        public LimeGoOrganizationsApi Organizations { get; }

        public LimeGoCoworkersApi Coworkers { get; }

        /// <summary>Creates a connection and checks the key with a side-effect-free GraphQL request.</summary>
        public static async Task<LimeGoConnection> ConnectAsync(LimeGoConnectOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            var serviceUri = options.ResolveServiceUri();
            var apiKey = Secret.FromSecureString(options.ApiKey!);
            var http = new CrmHttpClient(ServicePrefix, new Uri(serviceUri, "v1/"), options.Http, new LimeGoAuthenticator(apiKey, options.ApiKeyInQuery));
            var connection = new LimeGoConnection(serviceUri, http, Fingerprint(serviceUri, apiKey), options.ApiKeyInQuery);
            try
            {
                await connection.PingAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Checks the key: <c>query { __typename }</c> changes nothing and every GraphQL server answers it.</summary>
        public async Task PingAsync(CancellationToken cancellationToken)
        {
            await GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Ping, new Dictionary<string, object?>(), "__typename",
                LimeGoJsonContext.Default.String, cancellationToken).ConfigureAwait(false);
        }

        private static string Fingerprint(Uri serviceUri, Secret apiKey)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(serviceUri.AbsoluteUri.ToLowerInvariant() + "\n" + apiKey.Reveal()));
            var sb = new StringBuilder(16);
            for (var i = 0; i < 8; i++) sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
