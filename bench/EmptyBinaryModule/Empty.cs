namespace EmptyBinaryModule
{
    /// <summary>Nothing to export: Import-Module loads the assembly, finds no cmdlets, and is done.</summary>
    internal static class Empty
    {
    }
}
