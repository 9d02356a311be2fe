namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplTeamsApi
    {
        public static void Register(PplRouter r) { }
    }
}
