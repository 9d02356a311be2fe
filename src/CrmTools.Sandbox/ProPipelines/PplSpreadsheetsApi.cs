namespace CrmTools.Sandbox.ProPipelines
{
    internal static class PplSpreadsheetsApi
    {
        public static void Register(PplRouter r) { }
    }
}
