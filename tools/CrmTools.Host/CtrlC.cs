using System;
using System.Management.Automation;

namespace CrmTools.Host
{
    /// <summary>
    /// Ctrl+C stops the running pipeline (PowerShell.Stop), as in the PowerShell console, instead of
    /// killing the process; a second Ctrl+C, while a stop is still under way, does kill it.
    /// </summary>
    internal sealed class CtrlC : IDisposable
    {
        private readonly PowerShell _ps;
        private int _presses;

        private CtrlC(PowerShell ps)
        {
            _ps = ps;
            Console.CancelKeyPress += OnCancelKeyPress;
        }

        public static IDisposable StopsPipeline(PowerShell ps) => new CtrlC(ps);

        public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (System.Threading.Interlocked.Increment(ref _presses) > 1) return;
            e.Cancel = true;
            _ps.BeginStop(null, null);
        }
    }
}
