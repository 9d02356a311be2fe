using System;
using System.Management.Automation;
using System.Security;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Connect-Ppl: connects to a ProPipelines account and makes it the session default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Ppl", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(PplConnection))]
    public sealed class ConnectPplCommand : ConnectCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string UserTokenSet = "UserToken";

        /// <summary>The account slug, as in https://SLUG.propipelines.com.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Slug { get; set; }

        /// <summary>The account address of a custom host or the sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>With -ApiKey: act as this user (id or e-mail).</summary>
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string? AsUser { get; set; }

        /// <summary>Login e-mail and password (HTTP Basic login; the session then uses the user token).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UserTokenSet)]
        [ValidateNotNull]
        public SecureString? UserToken { get; set; }

        protected override void ProcessRecord()
        {
            var options = new PplConnectOptions
            {
                Slug = Slug,
                BaseUri = BaseUri,
                ApiKey = ApiKey,
                AsUser = AsUser,
                UserToken = UserToken,
                UserName = Credential?.UserName,
                Password = Credential?.Password,
                Http = BuildHttpSettings(),
            };
            PplConnection connection;
            try
            {
                connection = Run(ct => PplConnection.ConnectAsync(options, ct));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, (object?)Slug ?? BaseUri);
                return;
            }
            ConnectionRegistry.Register(connection, SessionId);
            WriteVerbose($"Connected to {connection}.");
            if (PassThru) WriteObject(connection);
        }
    }
}
