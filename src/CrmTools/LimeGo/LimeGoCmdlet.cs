using System;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.Paging;

namespace CrmTools.LimeGo
{
    /// <summary>Base of the Lime Go commands.</summary>
    public abstract class LimeGoCmdlet : CrmConnectedCmdlet<LimeGoConnection>
    {
        protected override string ServicePrefix => LimeGoConnection.ServicePrefix;

        protected override string ServiceName => "Lime Go";

        /// <summary>-Skip/-First (SupportsPaging) and a page size as the engine's paging request.</summary>
        protected PageRequest Paging(int pageSize) => new PageRequest
        {
            Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
            First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue),
            PageSize = pageSize,
        };
    }
}
