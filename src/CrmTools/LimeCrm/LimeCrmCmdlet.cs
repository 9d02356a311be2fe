using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Base of the Lime CRM commands.</summary>
    public abstract class LimeCrmCmdlet : CrmConnectedCmdlet<LimeCrmConnection>
    {
        protected override string ServicePrefix => LimeCrmConnection.ServicePrefix;

        protected override string ServiceName => "Lime CRM";

        /// <summary>A limeobject as PowerShell shows it: each property value is a property of its own.</summary>
        protected static PSObject Output(LimeObject limeObject) => LimeObjectView.Wrap(limeObject);
    }
}
