using System.Management.Automation;

namespace CrmTools.LimeGo
{
    /// <summary>Disconnect-LimeGo: forgets the connection (the API key needs no sign-out).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "LimeGo", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectLimeGoCommand : LimeGoCmdlet
    {
        protected override void ProcessRecord() => Disconnect("Disconnect");
    }
}
