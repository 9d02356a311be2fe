using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Foundation
{
    /// <summary>The packaged module as a user imports it: manifest, exports, help, views.</summary>
    public sealed class ModuleSessionFixture : System.IDisposable
    {
        public PsSession Session { get; } = new PsSession();
        public void Dispose() => Session.Dispose();
    }

    public class ModuleTests : IClassFixture<ModuleSessionFixture>
    {
        private readonly PsSession _session;

        public ModuleTests(ModuleSessionFixture fixture) => _session = fixture.Session;

        [Fact]
        public void Test_ModuleManifest_passes_and_declares_editions_version_and_gallery_data()
        {
            var r = _session.Run("Test-ModuleManifest -Path $p", new Dictionary<string, object?> { ["p"] = ModulePath.Manifest }).EnsureSuccess();
            var module = (PSModuleInfo)r.Output.Single().BaseObject;
            Assert.Equal(new[] { "Desktop", "Core" }, module.CompatiblePSEditions);
            Assert.Equal(new Version(5, 1), module.PowerShellVersion);
            var psData = (Hashtable)((Hashtable)module.PrivateData)["PSData"]!;
            Assert.NotEmpty((object[])psData["Tags"]!);
            Assert.NotNull(psData["ProjectUri"]);
            Assert.NotNull(psData["LicenseUri"]);
            Assert.NotNull(psData["ReleaseNotes"]);
            Assert.NotEmpty(module.ExportedFormatFiles);
            Assert.NotEmpty(module.ExportedTypeFiles);
            foreach (var file in module.ExportedFormatFiles.Concat(module.ExportedTypeFiles)) Assert.True(File.Exists(file), file);
        }

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlets_in_the_assembly()
        {
            var r = _session.Run(@"
                $m = Get-Module CrmTools
                $fromAssembly = $m.ImplementingAssembly, [CrmTools.Loading.ModuleInitializer].Assembly |
                    Where-Object { $_ } | ForEach-Object { $_.GetTypes() } |
                    Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } |
                    ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; '{0}-{1}' -f $a.VerbName, $a.NounName }
                $manifest = (Test-ModuleManifest $p).ExportedCmdlets.Keys
                ,@($fromAssembly | ForEach-Object { $_ })
                ,@($manifest | ForEach-Object { $_ })
                ,@($m.ExportedCmdlets.Keys)", new Dictionary<string, object?> { ["p"] = ModulePath.Manifest }).EnsureSuccess();
            var fromAssembly = ((object[])r.Output[0].BaseObject).Cast<object>().Select(o => o.ToString()!).Distinct().OrderBy(s => s).ToArray();
            var manifest = ((object[])r.Output[1].BaseObject).Cast<object>().Select(o => o.ToString()!).OrderBy(s => s).ToArray();
            var exported = ((object[])r.Output[2].BaseObject).Cast<object>().Select(o => o.ToString()!).OrderBy(s => s).ToArray();
            Assert.Equal(fromAssembly, manifest);
            Assert.Equal(fromAssembly, exported);
        }

        [Fact]
        public void Every_command_uses_an_approved_verb_and_a_prefixed_singular_noun()
        {
            var r = _session.Run("Get-Command -Module CrmTools | ForEach-Object { $_.Verb + '|' + $_.Noun }").EnsureSuccess();
            var commands = r.Output.Select(o => o.ToString()).ToList();
            // The approved verbs are the constants of SMA's Verbs* classes (what Get-Verb lists).
            var verbs = typeof(VerbsCommon).Assembly.GetTypes()
                .Where(t => t.IsPublic && t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs"))
                .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.NotEmpty(commands);
            foreach (var c in commands)
            {
                var parts = c.Split('|');
                Assert.Contains(parts[0], verbs);
                Assert.Matches("^(Ppl|Nimble|LimeGo|LimeCrm|Userlike|Crm)", parts[1]);
                Assert.False(parts[1].EndsWith("s") && !parts[1].EndsWith("ss") && !parts[1].EndsWith("Status"), $"{c}: plural noun");
            }
        }

        [Fact]
        public void Every_command_has_full_help_with_an_example_and_every_parameter_described()
        {
            var r = _session.Run(@"
                foreach ($c in Get-Command -Module CrmTools) {
                    $h = Get-Help $c.Name -Full
                    $examples = @($h.examples.example).Count
                    $described = @($h.parameters.parameter | Where-Object { $_.description -and (($_.description | ForEach-Object { $_.Text }) -join '').Trim() }).Count
                    $params = @($c.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }).Count
                    '{0}|{1}|{2}|{3}|{4}' -f $c.Name, [bool]($h.Synopsis -and $h.Synopsis -notmatch '^\s*' + $c.Name), $examples, $described, $params
                }").EnsureSuccess();
            Assert.NotEmpty(r.Output);
            foreach (var line in r.Output.Select(o => o.ToString()))
            {
                var p = line.Split('|');
                Assert.True(p[1] == "True", $"{p[0]} has no synopsis");
                Assert.True(int.Parse(p[2]) >= 1, $"{p[0]} has no example");
                Assert.True(int.Parse(p[3]) >= int.Parse(p[4]), $"{p[0]}: {p[3]} of {p[4]} parameters described");
            }
        }

        [Fact]
        public void The_about_topic_is_there()
        {
            var r = _session.Run("Get-Help about_CrmTools | Out-Default").EnsureSuccess();
            Assert.Contains("CRMTOOLS_MAX_RETRIES", r.HostText);
        }
    }
}
