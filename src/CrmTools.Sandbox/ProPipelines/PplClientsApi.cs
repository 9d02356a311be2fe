namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplClientsApi
    {
        public static void Register(PplRouter r) { }
    }
}
