using System;
using System.IO;

namespace CrmTools.Benchmarks.Harness
{
    /// <summary>Where things are: the repository, the packaged module, the console host, the empty baseline module.</summary>
    internal static class Paths
    {
        public static readonly string RepoRoot = FindRepoRoot();

        /// <summary>Release or Debug: the configuration this program was built in (its bin folder says).</summary>
        public static readonly string Configuration =
            AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

        public static string ModuleManifest => Existing(Path.Combine(RepoRoot, "out", "CrmTools", "CrmTools.psd1"),
            "build the module first (building this project packages it)");

        public static string EmptyModule => Existing(Path.Combine(AppContext.BaseDirectory, "EmptyBinaryModule.dll"), "build bench/EmptyBinaryModule");

        public static string HostDll => Existing(Path.Combine(RepoRoot, "tools", "CrmTools.Host", "bin", Configuration, "net10.0", "CrmTools.Host.dll"),
            "build tools/CrmTools.Host");

        public static string ResultsFile => Path.Combine(RepoRoot, "bench", "RESULTS.md");

        private static string Existing(string path, string hint) =>
            File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: {hint}.", path);

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CrmTools.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("CrmTools.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
