using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    /// <summary>The module's dependencies stay private: the cmdlet assembly never names them, and a conflicting
    /// version loaded first by someone else does not break the module.</summary>
    public class IsolationTests
    {
        private static readonly string[] Allowed =
        {
            "netstandard", "System.Management.Automation", "CrmTools.Engine", "CrmTools.Sandbox", "System.Runtime.Loader", "System.Runtime",
        };

        [Fact]
        public void The_cmdlet_assembly_references_only_the_engine_the_sandbox_and_the_platform()
        {
            using var stream = File.OpenRead(Path.Combine(ModulePath.Directory, "CrmTools.dll"));
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
            Assert.Contains("CrmTools.Engine", references);
            var leaked = references.Except(Allowed).ToList();
            Assert.True(leaked.Count == 0, "The cmdlet assembly references isolated dependencies: " + string.Join(", ", leaked));
        }

        [Fact]
        public void Both_dependency_sets_are_packaged()
        {
            foreach (var edition in new[] { "Core", "Desktop" })
            {
                var dir = Path.Combine(ModulePath.Directory, "Dependencies", edition);
                foreach (var name in new[] { "CrmTools.Engine.dll", "Polly.Core.dll", "Microsoft.Extensions.Http.dll" })
                {
                    Assert.True(File.Exists(Path.Combine(dir, name)), $"{edition}/{name}");
                }
            }
            Assert.True(File.Exists(Path.Combine(ModulePath.Directory, "Dependencies", "Desktop", "System.Text.Json.dll")));
            Assert.False(File.Exists(Path.Combine(ModulePath.Directory, "CrmTools.Engine.dll")), "the engine must not sit next to the cmdlet assembly");
        }

        [Fact]
        public void The_module_works_after_another_version_of_Polly_was_loaded_first()
        {
            var testDir = Path.GetDirectoryName(typeof(IsolationTests).Assembly.Location)!;
            var conflicting = Path.Combine(testDir, "conflict", "Polly.Core.dll");
            Assert.True(File.Exists(conflicting), "the conflicting Polly.Core was not copied next to the tests");
            var host = HostExecutable(testDir);
            var script = Path.Combine(Path.GetTempPath(), $"crmtools-isolation-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(script, @"
$sandbox = Start-CrmSandbox
$c = Connect-Ppl -BaseUri $sandbox.PplUri -ApiKey $sandbox.PplApiKey -PassThru
'LEADS=' + @(Get-PplLead -First 3).Count
'ENGINE_CONTEXT=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($c.GetType().Assembly).GetType().Name
[System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } |
    ForEach-Object { 'POLLY=' + $_.GetName().Version + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name }
Stop-CrmSandbox
");
            try
            {
                var psi = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var a in new[] { host, "--module", ModulePath.Manifest, "--preload", conflicting, script }) psi.ArgumentList.Add(a);
                using var process = Process.Start(psi)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                Assert.True(process.WaitForExit(120_000), "the host did not finish");
                var output = stdout.Result + stderr.Result;
                Assert.True(process.ExitCode == 0, output);
                Assert.Contains("LEADS=3", output);
                Assert.Contains("ENGINE_CONTEXT=DependencyLoadContext", output);
                // Two Polly.Core versions side by side: the one preloaded into the default context, ours in the private one.
                Assert.Contains("@DefaultAssemblyLoadContext", output);
                Assert.Contains("@DependencyLoadContext", output);
            }
            finally
            {
                File.Delete(script);
            }
        }

        private static string HostExecutable(string testDir)
        {
            // tests/CrmTools.Tests/bin/<Configuration>/net10.0 -> tools/CrmTools.Host/bin/<Configuration>/net10.0
            var configuration = new DirectoryInfo(testDir).Parent!.Name;
            var root = new DirectoryInfo(testDir);
            while (root != null && !File.Exists(Path.Combine(root.FullName, "CrmTools.sln"))) root = root.Parent;
            Assert.NotNull(root);
            var path = Path.Combine(root!.FullName, "tools", "CrmTools.Host", "bin", configuration, "net10.0", "CrmTools.Host.dll");
            Assert.True(File.Exists(path), "build the console host first: " + path);
            return path;
        }
    }
}
