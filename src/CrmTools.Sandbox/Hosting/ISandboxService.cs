namespace CrmTools.Sandbox.Hosting
{
    /// <summary>
    /// One emulated service, mounted under its own first path segment
    /// (<c>ppl</c>, later <c>nimble</c>, <c>limego</c>, <c>limecrm</c>).
    /// </summary>
    internal interface ISandboxService
    {
        /// <summary>The first path segment the service is mounted under, without slashes.</summary>
        string Prefix { get; }

        /// <summary>Answers a request; <paramref name="segments"/> are the decoded path segments after the prefix.</summary>
        ServiceResponse Handle(ServiceRequest request, System.Collections.Generic.IReadOnlyList<string> segments);
    }
}
