using System.Management.Automation;

namespace CrmTools.LimeCrm
{
    /// <summary>Disconnect-LimeCrm: forgets the connection (the API key needs no sign-out).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "LimeCrm", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectLimeCrmCommand : LimeCrmCmdlet
    {
        protected override void ProcessRecord() => Disconnect("Disconnect");
    }
}
