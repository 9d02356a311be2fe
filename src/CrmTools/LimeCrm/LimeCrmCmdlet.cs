using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Base;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Base of the Lime CRM commands.</summary>
    public abstract class LimeCrmCmdlet : CrmConnectedCmdlet<LimeCrmConnection>
    {
        protected override string ServicePrefix => LimeCrmConnection.ServicePrefix;

        protected override string ServiceName => "Lime CRM";

        /// <summary>A limeobject as PowerShell shows it: each property value is a property of its own.
        /// Builds a PSObject: call it on the pipeline thread only (in RunBulk's onResult, not in the operation).</summary>
        protected static PSObject Output(LimeObject limeObject) => LimeObjectView.Wrap(limeObject);

        /// <summary>
        /// Checks a write against the limetype's metadata and resolves its relations, on the pipeline thread, before
        /// ShouldProcess (so -WhatIf and -Confirm show the change exactly as it would be sent). Metadata is kept per
        /// connection, so this sends nothing except a relation lookup by unique value (and the first metadata read).
        /// A failure is not written at once but queued through RunBulk, so it comes out in input order, after the
        /// items still in flight before it, with <paramref name="target"/> as its TargetObject.
        /// </summary>
        protected bool TryPrepare(object? target, Func<CancellationToken, Task<LimeObjectChange>> prepare, int throttleLimit, out LimeObjectChange change)
        {
            try
            {
                change = Run(prepare);
                return true;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                RunBulk<LimeObject?>(target, _ => Task.FromException<LimeObject?>(ex), throttleLimit, _ => { });
                change = null!;
                return false;
            }
        }
    }
}
