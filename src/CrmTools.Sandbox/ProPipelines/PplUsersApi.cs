namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplUsersApi
    {
        public static void Register(PplRouter r) { }
    }
}
