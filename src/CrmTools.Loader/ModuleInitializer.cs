using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CrmTools.Loading
{
    /// <summary>
    /// Isolates the module's dependencies (Polly, Microsoft.Extensions.*, System.Text.Json on 5.1)
    /// from every other module in the session. The cmdlet assembly references only
    /// CrmTools.Engine and CrmTools.Sandbox; when the runtime looks for those, we answer:
    /// <list type="bullet">
    /// <item>PowerShell 7: from a private AssemblyLoadContext over Dependencies/Core, which then
    /// resolves the engine's own dependencies from the same folder.</item>
    /// <item>Windows PowerShell 5.1: from Dependencies/Desktop through AppDomain.AssemblyResolve,
    /// answering only for files that are ours.</item>
    /// </list>
    /// The pattern is the one Microsoft Graph's authentication module uses.
    /// <para>This class lives in CrmTools.Loader.dll, a binary module with no cmdlets that the manifest lists in
    /// NestedModules: PowerShell imports nested modules before the root module and runs this initializer on import,
    /// so the resolver is in place before PowerShell reflects over the cmdlet types of CrmTools.dll (their base
    /// classes name engine types, so that reflection already needs CrmTools.Engine). ModuleDirectory is therefore
    /// the directory of this assembly, which is the module's own folder.</para>
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static bool _installed;

        internal static readonly string ModuleDirectory =
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? AppContext.BaseDirectory;

        internal static bool IsDesktop =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        internal static string DependencyDirectory =>
            Path.Combine(ModuleDirectory, "Dependencies", IsDesktop ? "Desktop" : "Core");

        public void OnImport() => Install();

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // Leave the resolver in place: types already handed out (connections held in
            // variables) may still need it, and a re-import reuses the same context.
        }

        /// <summary>Installs the resolver (idempotent). Called on import of CrmTools.Loader, before the cmdlets are imported.</summary>
        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve += ResolveDesktop;
                else InstallCore();
                _installed = true;
            }
        }

        // Kept out of Install so that on .NET Framework the JIT never meets AssemblyLoadContext, which it lacks.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void InstallCore() => CoreDependencyLoader.Install(DependencyDirectory);

        private static Assembly? ResolveDesktop(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            var path = Path.Combine(DependencyDirectory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
