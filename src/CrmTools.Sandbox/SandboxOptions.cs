namespace CrmTools.Sandbox
{
    /// <summary>Start-up settings for <see cref="CrmSandbox"/>.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>Seed for the generated data: the same seed gives the same records.</summary>
        public int Seed { get; set; } = 42;

        /// <summary>How many ProPipelines leads are generated at start.</summary>
        public int PplLeadCount { get; set; } = 300;

        /// <summary>ProPipelines daily request quota (the real service allows 2000).</summary>
        public int PplDailyQuota { get; set; } = 2000;

        /// <summary>Delay added to every request, in milliseconds.</summary>
        public int LatencyMs { get; set; }
    }
}
