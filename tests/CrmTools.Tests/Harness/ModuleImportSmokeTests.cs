using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CrmTools.Tests.Harness
{
    /// <summary>Proves that a session imports a module by path and renders its format views into the host text.</summary>
    public sealed class ModuleImportSmokeTests : IDisposable
    {
        private readonly string _moduleDir = Path.Combine(Path.GetTempPath(), "CrmToolsHarness-" + Guid.NewGuid().ToString("N"));

        public ModuleImportSmokeTests() => WriteThrowawayModule(_moduleDir);

        public void Dispose() => Directory.Delete(_moduleDir, recursive: true);

        [Fact]
        public void A_module_imported_by_path_renders_its_own_table_view()
        {
            using var session = new PsSession(Path.Combine(_moduleDir, "Throwaway.psd1"));

            var result = session.Run("Get-Thing | Out-Default").EnsureSuccess();

            var lines = result.HostText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Equal("Thing Id Label", lines[0].Trim());
            Assert.Equal("1        first", lines[2].Trim());
        }

        [PackagedModuleFact]
        public void The_packaged_module_imports()
        {
            using var session = new PsSession();

            var result = session.Run("(Get-Module CrmTools).ExportedCommands.Count").EnsureSuccess();

            Assert.True((int)result.Objects.Single() > 0, "CrmTools exports no command.");
        }

        private static void WriteThrowawayModule(string dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "Throwaway.psm1"),
                "function Get-Thing { [pscustomobject]@{ PSTypeName = 'Throwaway.Thing'; Id = 1; Label = 'first' } }");
            File.WriteAllText(Path.Combine(dir, "Throwaway.psd1"),
                "@{ RootModule = 'Throwaway.psm1'; ModuleVersion = '1.0'; FunctionsToExport = 'Get-Thing'; " +
                "FormatsToProcess = 'Throwaway.format.ps1xml' }");
            File.WriteAllText(Path.Combine(dir, "Throwaway.format.ps1xml"), @"<Configuration><ViewDefinitions><View>
  <Name>Thing</Name><ViewSelectedBy><TypeName>Throwaway.Thing</TypeName></ViewSelectedBy>
  <TableControl>
    <TableHeaders><TableColumnHeader><Label>Thing Id</Label><Width>8</Width></TableColumnHeader><TableColumnHeader /></TableHeaders>
    <TableRowEntries><TableRowEntry><TableColumnItems>
      <TableColumnItem><PropertyName>Id</PropertyName></TableColumnItem>
      <TableColumnItem><PropertyName>Label</PropertyName></TableColumnItem>
    </TableColumnItems></TableRowEntry></TableRowEntries>
  </TableControl>
</View></ViewDefinitions></Configuration>");
        }
    }

    /// <summary>
    /// A fact that needs the packaged module. Skipped only while src/CrmTools (the module project) does not exist
    /// yet; once it does, building the tests packages the module, so a missing package is a real failure.
    /// </summary>
    internal sealed class PackagedModuleFactAttribute : FactAttribute
    {
        public PackagedModuleFactAttribute()
        {
            if (!ModuleProjectExists())
                Skip = "src/CrmTools/CrmTools.csproj does not exist yet, so there is no module to package.";
        }

        private static bool ModuleProjectExists()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "src", "CrmTools", "CrmTools.csproj")))
                    return true;
            return false;
        }
    }
}
