namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplLeadsWriteApi
    {
        public static void Register(PplRouter r) { }
    }
}
