using CrmTools.Base;
using CrmTools.Engine.ProPipelines;

namespace CrmTools.ProPipelines
{
    /// <summary>Base of the ProPipelines commands.</summary>
    public abstract class PplCmdlet : CrmConnectedCmdlet<PplConnection>
    {
        protected override string ServicePrefix => PplConnection.ServicePrefix;

        protected override string ServiceName => "ProPipelines";
    }
}
