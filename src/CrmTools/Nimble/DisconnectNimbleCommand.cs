using System.Management.Automation;
using CrmTools.Engine.Connections;
using CrmTools.Engine.Nimble;

namespace CrmTools.Nimble
{
    /// <summary>Disconnect-Nimble: forgets the connection (and, with -ClearTokenCache, its cached sign-in).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Nimble", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectNimbleCommand : NimbleCmdlet
    {
        /// <summary>Also delete the token cache file the connection keeps its refresh token in.</summary>
        [Parameter]
        public SwitchParameter ClearTokenCache { get; set; }

        protected override void ProcessRecord() =>
            Disconnect(ClearTokenCache ? "Disconnect and delete the token cache" : "Disconnect", connection =>
            {
                if (!ClearTokenCache || connection.TokenCachePath == null) return;
                if (TryInvoke(connection.TokenCachePath, connection.ClearTokenCache)) WriteVerbose($"Deleted the token cache {connection.TokenCachePath}.");
            });
    }
}
