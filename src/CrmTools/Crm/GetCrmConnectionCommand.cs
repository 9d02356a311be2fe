using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.Connections;

namespace CrmTools.Crm
{
    /// <summary>Get-CrmConnection: the open connections of every service, with the session defaults marked.</summary>
    [Cmdlet(VerbsCommon.Get, "CrmConnection")]
    [OutputType(typeof(CrmConnection))]
    public sealed class GetCrmConnectionCommand : CrmCmdlet
    {
        /// <summary>Only connections of these services.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("Ppl", "Nimble", "LimeGo", "LimeCrm", IgnoreCase = true)]
        public string[]? Service { get; set; }

        /// <summary>Only the session's default connection of each service.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var connection in ConnectionRegistry.List(SessionId))
            {
                if (Service != null && !Service.Contains(connection.Service, StringComparer.OrdinalIgnoreCase)) continue;
                if (Default && !connection.IsDefault) continue;
                WriteObject(connection);
            }
        }
    }
}
