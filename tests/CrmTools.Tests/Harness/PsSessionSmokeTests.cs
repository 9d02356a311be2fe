using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CrmTools.Tests.Harness
{
    /// <summary>Proves the harness itself on a bare runspace (no module), so a harness bug never looks like a module bug.</summary>
    public sealed class PsSessionSmokeTests : System.IDisposable
    {
        // An advanced function writes to every stream the way a compiled cmdlet does (the hosted engine has no
        // Write-Verbose/Write-Error: those live in Microsoft.PowerShell.Utility).
        private const string StreamsFunction = @"
function Test-Streams {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([switch]$Fail)
    $PSCmdlet.WriteVerbose('verbose text')
    $PSCmdlet.WriteWarning('warning text')
    $PSCmdlet.WriteInformation('information text', @())
    if ($Fail) {
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
            [System.Exception]::new('item 7 failed'), 'Test.ItemFailed', 'ObjectNotFound', 7))
    }
    if ($PSCmdlet.ShouldProcess('the item', 'Remove')) { 'removed' }
}";

        private readonly PsSession _session = new PsSession(modulePath: null);

        public PsSessionSmokeTests() => _session.Run(StreamsFunction).EnsureSuccess();

        public void Dispose() => _session.Dispose();

        [Fact]
        public void Output_objects_come_back_in_order()
        {
            var result = _session.Run("1..3 | ForEach-Object { $_ * 2 }").EnsureSuccess();

            Assert.Equal(new object[] { 2, 4, 6 }, result.Objects);
        }

        [Fact]
        public void Out_Default_renders_a_table_into_the_host_text_without_colour_codes()
        {
            var result = _session.Run("[pscustomobject]@{ Name = 'lead-1'; Status = 'todo' } | Out-Default").EnsureSuccess();

            Assert.Empty(result.Output);
            var lines = result.HostText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Equal(new[] { "Name   Status", "----   ------", "lead-1 todo" }, lines);
            Assert.DoesNotContain('\u001b', result.HostText);
        }

        [Fact]
        public void Parameters_bind_to_a_param_block_or_become_variables_for_one_run()
        {
            var bound = _session.Run("param([int]$Count) $Count + 1", new Dictionary<string, object?> { ["Count"] = "41" });
            var variable = _session.Run("$Name.ToUpper()", new Dictionary<string, object?> { ["Name"] = "crm" });
            var afterwards = _session.Run("$null -eq $Name");

            Assert.Equal(42, Assert.Single(bound.EnsureSuccess().Objects));
            Assert.Equal("CRM", Assert.Single(variable.EnsureSuccess().Objects));
            Assert.Equal(true, Assert.Single(afterwards.Objects));
        }

        [Fact]
        public void Streams_are_captured_and_verbose_only_when_asked()
        {
            var quiet = _session.Run("Test-Streams -Confirm:$false");
            var verbose = _session.Run("Test-Streams -Confirm:$false -Verbose");

            Assert.Empty(quiet.Verbose);
            Assert.Equal("verbose text", verbose.Verbose.First()); // then ShouldProcess's "Performing the operation"
            Assert.Equal(new[] { "warning text" }, quiet.Warning);
            Assert.Equal(new[] { "information text" }, quiet.Information);
            Assert.Contains("WARNING: warning text", quiet.HostText);
            Assert.Contains("VERBOSE: verbose text", verbose.HostText);
        }

        [Fact]
        public void Non_terminating_errors_let_the_script_go_on()
        {
            var result = _session.Run("Test-Streams -Fail -Confirm:$false; 'after'");

            var error = Assert.Single(result.Errors);
            Assert.Equal("Test.ItemFailed,Test-Streams", error.FullyQualifiedErrorId);
            Assert.Equal(7, error.TargetObject);
            Assert.False(result.Terminated);
            Assert.Equal(new object[] { "removed", "after" }, result.Objects);
        }

        [Fact]
        public void A_terminating_error_is_captured_with_the_output_written_before_it()
        {
            var result = _session.Run("'before'; throw 'boom'; 'never'");

            Assert.True(result.Terminated);
            Assert.Same(result.TerminatingError, Assert.Single(result.Errors));
            Assert.Equal("boom", result.TerminatingError!.Exception.Message);
            Assert.Equal(new object[] { "before" }, result.Objects);
        }

        [Fact]
        public void Prompts_read_queued_answers_and_fail_when_there_are_none()
        {
            _session.Answer("Y");
            var confirmed = _session.Run("Test-Streams");
            var unanswered = _session.Run("Test-Streams");

            Assert.Equal(new object[] { "removed" }, confirmed.EnsureSuccess().Objects);
            Assert.Contains("[Y] Yes", confirmed.HostText);
            Assert.True(unanswered.Terminated || unanswered.Errors.Count > 0);
            Assert.Empty(unanswered.Objects);
        }

        [Fact]
        public async Task Stop_is_Ctrl_C_on_a_running_pipeline()
        {
            var firstItem = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _session.OutputWritten += _ => firstItem.TrySetResult(true);

            var run = _session.RunAsync("1..100000 | ForEach-Object { [System.Threading.Thread]::Sleep(10); $_ }");
            await firstItem.Task;
            _session.Stop();
            var result = await run;

            Assert.True(result.Stopped);
            Assert.False(result.Terminated);
            Assert.InRange(result.Output.Count, 1, 1000);
        }

        [Fact]
        public async Task A_cancelled_token_stops_the_pipeline()
        {
            using var cancel = new CancellationTokenSource(millisecondsDelay: 300);

            var result = await _session.RunAsync("while ($true) { [System.Threading.Thread]::Sleep(10) }", null, cancel.Token);

            Assert.True(result.Stopped);
            Assert.Equal(5, Assert.Single(_session.Run("2 + 3").Objects));
        }
    }
}
