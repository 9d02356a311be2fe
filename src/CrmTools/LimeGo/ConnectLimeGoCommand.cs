using System;
using System.Management.Automation;
using System.Security;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.LimeGo;

namespace CrmTools.LimeGo
{
    /// <summary>Connect-LimeGo: connects to a Lime Go account with an API key and makes it the session default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "LimeGo")]
    [OutputType(typeof(LimeGoConnection))]
    public sealed class ConnectLimeGoCommand : ConnectCmdlet
    {
        /// <summary>The API key (Settings - Integrations - Lime Go API Keys).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>The service address (a custom host or the sandbox); the API is under v1/.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = LimeGoConnectOptions.DefaultBaseUri;

        /// <summary>Send the key as the apikey= query parameter instead of the Authorization header.</summary>
        [Parameter]
        public SwitchParameter ApiKeyInQuery { get; set; }

        protected override void ProcessRecord()
        {
            var options = new LimeGoConnectOptions
            {
                BaseUri = BaseUri,
                ApiKey = ApiKey,
                ApiKeyInQuery = ApiKeyInQuery,
                Http = BuildHttpSettings(),
            };
            LimeGoConnection connection;
            try
            {
                connection = Run(ct => LimeGoConnection.ConnectAsync(options, ct));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, BaseUri);
                return;
            }
            ConnectionRegistry.Register(connection, SessionId);
            WriteVerbose($"Connected to {connection}.");
            if (PassThru) WriteObject(connection);
        }
    }
}
