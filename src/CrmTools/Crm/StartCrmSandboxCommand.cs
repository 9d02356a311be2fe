using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using CrmTools.Base;
using CrmTools.Sandbox;

namespace CrmTools.Crm
{
    /// <summary>Start-CrmSandbox: starts the local emulator of the services on 127.0.0.1.</summary>
    [Cmdlet(VerbsLifecycle.Start, "CrmSandbox")]
    [OutputType(typeof(SandboxInfo))]
    public sealed class StartCrmSandboxCommand : CrmCmdlet
    {
        internal static readonly ConcurrentDictionary<Uri, SandboxInfo> Running = new ConcurrentDictionary<Uri, SandboxInfo>();

        /// <summary>The TCP port (0 or omitted: a free one).</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>How many ProPipelines leads to seed.</summary>
        [Parameter]
        [ValidateRange(0, 1_000_000)]
        public int LeadCount { get; set; } = 300;

        /// <summary>ProPipelines requests allowed per day before 429.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int DailyQuota { get; set; } = 2000;

        /// <summary>Milliseconds added to every answer.</summary>
        [Parameter]
        [ValidateRange(0, 60_000)]
        public int LatencyMs { get; set; }

        /// <summary>Seed of the generated data (same seed, same data).</summary>
        [Parameter]
        public int Seed { get; set; } = 42;

        protected override void ProcessRecord()
        {
            CrmSandbox sandbox;
            try
            {
                sandbox = CrmSandbox.Start(new SandboxOptions
                {
                    Port = Port,
                    PplLeadCount = LeadCount,
                    PplDailyQuota = DailyQuota,
                    LatencyMs = LatencyMs,
                    Seed = Seed,
                });
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(new ErrorRecord(ex, "Crm.SandboxStartFailed", ErrorCategory.ResourceUnavailable, Port));
                return;
            }
            var info = new SandboxInfo(sandbox);
            Running[info.BaseUri] = info;
            WriteVerbose($"Sandbox listening at {info.BaseUri}.");
            WriteObject(info);
        }
    }

    /// <summary>Stop-CrmSandbox: stops one sandbox (from the pipeline) or all that this session started.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "CrmSandbox")]
    [OutputType(typeof(void))]
    public sealed class StopCrmSandboxCommand : CrmCmdlet
    {
        /// <summary>The sandbox to stop (from Start-CrmSandbox); all when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public SandboxInfo? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                Stop(InputObject);
                return;
            }
            foreach (var info in StartCrmSandboxCommand.Running.Values) Stop(info);
        }

        private void Stop(SandboxInfo info)
        {
            StartCrmSandboxCommand.Running.TryRemove(info.BaseUri, out _);
            info.Sandbox.Dispose();
            WriteVerbose($"Sandbox at {info.BaseUri} stopped.");
        }
    }
}
