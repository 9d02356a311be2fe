namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplAccountApi
    {
        public static void Register(PplRouter r) { }
    }
}
