namespace CrmTools.Sandbox
{
    /// <summary>
    /// A failure the sandbox answers with instead of the real response, for the next
    /// <see cref="Times"/> requests that match. Injected through <see cref="SandboxControl.InjectFault"/>.
    /// </summary>
    public sealed class SandboxFault
    {
        /// <summary>Substring of the request path to match (case-insensitive); null matches any path.</summary>
        public string? PathContains { get; set; }

        /// <summary>HTTP method to match; null matches any.</summary>
        public string? Method { get; set; }

        /// <summary>How many matching requests the fault applies to.</summary>
        public int Times { get; set; } = 1;

        /// <summary>Status to answer with (429, 502, 503, 504, ...). Ignored when <see cref="Drop"/>.
        /// 0 with no Drop means "only delay": the request is then served normally.</summary>
        public int Status { get; set; }

        /// <summary>Value of the Retry-After header, if set (seconds or an HTTP-date).</summary>
        public string? RetryAfter { get; set; }

        /// <summary>Value of the ProPipelines API-RETRY-AFTER header, if set.</summary>
        public string? PplRetryAfter { get; set; }

        /// <summary>Abort the connection without any response.</summary>
        public bool Drop { get; set; }

        /// <summary>Extra delay before answering (or dropping), for timeout tests.</summary>
        public int DelayMs { get; set; }
    }
}
