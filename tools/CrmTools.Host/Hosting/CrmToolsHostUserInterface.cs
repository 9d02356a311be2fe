using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Writes what the engine shows a user as lines of text. Streams get the same prefixes and colours
    /// as the PowerShell console (WARNING:, VERBOSE:, DEBUG:; errors in red), colours only on a terminal.
    /// Reading and prompting live in CrmToolsHostUserInterface.Prompts.cs.
    /// </summary>
    public sealed partial class CrmToolsHostUserInterface : PSHostUserInterface
    {
        private readonly HostIO _io;
        private readonly CrmToolsHostRawUserInterface _rawUI;

        // Parallel pipelines (ForEach-Object -Parallel, thread jobs) may write at once; keep lines whole.
        private readonly object _writeLock = new object();

        public CrmToolsHostUserInterface(HostIO io)
        {
            _io = io ?? throw new ArgumentNullException(nameof(io));
            _rawUI = new CrmToolsHostRawUserInterface(io.Width);
        }

        public override PSHostRawUserInterface RawUI => _rawUI;

        // Tells scripts and the engine whether ANSI sequences reach a terminal (off for files and captures).
        public override bool SupportsVirtualTerminal => _io.ColorOutput;

        public override void Write(string value) => WriteOut(value, false, null, null);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            WriteOut(value, false, ExplicitForeground(foregroundColor), ExplicitBackground(backgroundColor));

        public override void WriteLine(string value) => WriteOut(value, true, null, null);

        public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            WriteOut(value, true, ExplicitForeground(foregroundColor), ExplicitBackground(backgroundColor));

        public override void WriteErrorLine(string value) =>
            Write(_io.Error, _io.ColorError, value, true, ConsoleColor.Red, null);

        public override void WriteWarningLine(string message) =>
            WriteOut("WARNING: " + message, true, ConsoleColor.Yellow, null);

        public override void WriteVerboseLine(string message) =>
            WriteOut("VERBOSE: " + message, true, ConsoleColor.Yellow, null);

        public override void WriteDebugLine(string message) =>
            WriteOut("DEBUG: " + message, true, ConsoleColor.Yellow, null);

        // Progress bars are for people watching a terminal; in captured or redirected output they are noise.
        // The records stay available to callers through PowerShell.Streams.Progress.
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        private void WriteOut(string text, bool newLine, ConsoleColor? foreground, ConsoleColor? background) =>
            Write(_io.Output, _io.ColorOutput, text, newLine, foreground, background);

        private void Write(TextWriter writer, bool useColor, string text, bool newLine,
            ConsoleColor? foreground, ConsoleColor? background)
        {
            // The format engine styles table headers even with $PSStyle.OutputRendering = PlainText and leaves
            // removing them to the host; a file or a test capture must read as plain text.
            // Colour the text only, so a reset never lands after the line break.
            text = useColor ? AnsiColor.Wrap(text, foreground, background) : AnsiColor.Strip(text);
            if (newLine) text += Environment.NewLine;
            lock (_writeLock)
            {
                writer.Write(text);
                writer.Flush();
            }
        }

        // Write-Host passes the raw UI's own colours when the caller named none: that means "no colour".
        private ConsoleColor? ExplicitForeground(ConsoleColor color) =>
            color == _rawUI.ForegroundColor ? (ConsoleColor?)null : color;

        private ConsoleColor? ExplicitBackground(ConsoleColor color) =>
            color == _rawUI.BackgroundColor ? (ConsoleColor?)null : color;
    }
}
