using System.IO;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Finds the packaged module (out/CrmTools/CrmTools.psd1 at the repository root) from wherever a tool
    /// or test assembly runs: bin folders sit somewhere below the root, so walk up until it appears.
    /// </summary>
    public static class PackagedModuleLocator
    {
        public static readonly string RelativeManifestPath = Path.Combine("out", "CrmTools", "CrmTools.psd1");

        /// <summary>The manifest's full path, or null when no folder above <paramref name="startDirectory"/> has one.</summary>
        public static string? Find(string startDirectory)
        {
            for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativeManifestPath);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
