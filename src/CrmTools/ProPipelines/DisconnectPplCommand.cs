using System;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Connections;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Disconnect-Ppl: logs a user token out and forgets the connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Ppl", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class DisconnectPplCommand : PplCmdlet
    {
        protected override void ProcessRecord() =>
            Disconnect("Disconnect", connection =>
            {
                try
                {
                    if (Run(ct => connection.LogoutAsync(ct))) WriteVerbose("The user token was logged out.");
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    // The connection is forgotten either way; say why the logout failed.
                    WriteFailure(ex, connection);
                }
            });
    }
}
