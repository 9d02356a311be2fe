using System;
using System.Management.Automation;
using System.Security;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Connect-LimeCrm: connects to a Lime CRM application with an API key and makes it the session default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "LimeCrm")]
    [OutputType(typeof(LimeCrmConnection))]
    public sealed class ConnectLimeCrmCommand : ConnectCmdlet
    {
        /// <summary>The application address, https://HOST/APPLICATION/.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>The API key (sent as x-api-key).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        protected override void ProcessRecord()
        {
            var options = new LimeCrmConnectOptions
            {
                BaseUri = BaseUri,
                ApiKey = ApiKey,
                Http = BuildHttpSettings(),
            };
            LimeCrmConnection connection;
            try
            {
                connection = Run(ct => LimeCrmConnection.ConnectAsync(options, ct));
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
