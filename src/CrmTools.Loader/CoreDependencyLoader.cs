using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CrmTools.Loading
{
    /// <summary>PowerShell 7 only: the private load context and the hook that routes our assemblies into it.</summary>
    internal static class CoreDependencyLoader
    {
        private static DependencyLoadContext? _context;

        public static void Install(string directory)
        {
            _context = new DependencyLoadContext(directory);
            AssemblyLoadContext.Default.Resolving += ResolveOwnAssembly;
        }

        // Only the module's own entry assemblies are answered here; their dependencies are found
        // by the private context itself and never enter the default context.
        private static Assembly? ResolveOwnAssembly(AssemblyLoadContext defaultContext, AssemblyName name)
        {
            if (_context == null || !IsEntryAssembly(name.Name)) return null;
            return _context.LoadFromAssemblyName(name);
        }

        internal static bool IsEntryAssembly(string? name) =>
            string.Equals(name, "CrmTools.Engine", StringComparison.Ordinal) ||
            string.Equals(name, "CrmTools.Sandbox", StringComparison.Ordinal);
    }

    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;

        public DependencyLoadContext(string directory) => _directory = directory;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            // The framework's own assemblies come from the runtime (shared with PowerShell).
            if (string.IsNullOrEmpty(name) || name!.StartsWith("System.", StringComparison.Ordinal) ||
                name == "System" || name == "netstandard" || name == "mscorlib" || name == "System.Management.Automation")
            {
                return null;
            }
            var path = Path.Combine(_directory, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
