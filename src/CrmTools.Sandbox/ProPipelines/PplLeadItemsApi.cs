namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplLeadItemsApi
    {
        public static void Register(PplRouter r) { }
    }
}
