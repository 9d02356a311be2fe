namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplWebhooksApi
    {
        public static void Register(PplRouter r) { }
    }
}
