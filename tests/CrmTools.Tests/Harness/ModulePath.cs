using System;
using System.IO;
using CrmTools.Hosting;

namespace CrmTools.Tests.Harness
{
    /// <summary>Where the packaged module is: out/CrmTools/CrmTools.psd1 at the repository root.</summary>
    public static class ModulePath
    {
        private static readonly Lazy<string?> Found =
            new Lazy<string?>(() => PackagedModuleLocator.Find(AppContext.BaseDirectory));

        /// <summary>Full path of CrmTools.psd1; throws with what to do when the module has not been built.</summary>
        public static string Manifest => Found.Value ?? throw new InvalidOperationException(
            $"The packaged CrmTools module was not found: no {PackagedModuleLocator.RelativeManifestPath} in " +
            $"{AppContext.BaseDirectory} or any folder above it. Run dotnet build first " +
            "(building the test project builds and packages the module).");

        /// <summary>The module folder (out/CrmTools/).</summary>
        public static string Directory => Path.GetDirectoryName(Manifest)!;

        /// <summary>True when the module has been packaged.</summary>
        public static bool Exists => Found.Value != null;
    }
}
