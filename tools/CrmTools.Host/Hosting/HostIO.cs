using System;
using System.IO;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Where a <see cref="CrmToolsHost"/> writes and reads. The console host uses <see cref="FromConsole"/>;
    /// tests use <see cref="Capture"/> so every line the engine shows a user lands in one writer.
    /// </summary>
    public sealed class HostIO
    {
        /// <summary>Width used when the output is not a terminal, so table views are the same on every machine.</summary>
        public const int DefaultWidth = 120;

        public HostIO(TextWriter output, TextWriter error, TextReader? input = null, int width = DefaultWidth,
            bool colorOutput = false, bool colorError = false, bool inputIsTerminal = false)
        {
            Output = output ?? throw new ArgumentNullException(nameof(output));
            Error = error ?? throw new ArgumentNullException(nameof(error));
            Input = input;
            Width = width > 0 ? width : DefaultWidth;
            ColorOutput = colorOutput;
            ColorError = colorError;
            InputIsTerminal = inputIsTerminal;
        }

        /// <summary>Normal output, verbose, warning, debug and information lines.</summary>
        public TextWriter Output { get; }

        /// <summary>Error lines (stderr on the console).</summary>
        public TextWriter Error { get; }

        /// <summary>Answers to prompts (Read-Host, -Confirm, credentials); null makes the host non-interactive.</summary>
        public TextReader? Input { get; }

        /// <summary>Line width the format views lay out tables for.</summary>
        public int Width { get; }

        /// <summary>Emit ANSI colours on <see cref="Output"/> (only when it is a terminal).</summary>
        public bool ColorOutput { get; }

        /// <summary>Emit ANSI colours on <see cref="Error"/> (only when it is a terminal).</summary>
        public bool ColorError { get; }

        /// <summary>The input is a keyboard: the terminal echoes what is typed, and passwords are read unseen.</summary>
        public bool InputIsTerminal { get; }

        /// <summary>Everything into one writer, no colours, no input, 120 columns.</summary>
        public static HostIO Capture(TextWriter writer, TextReader? input = null) =>
            new HostIO(writer, writer, input);

        /// <summary>The process console: colours and the window width only where a stream is a terminal.</summary>
        public static HostIO FromConsole()
        {
            bool outIsTerminal = !Console.IsOutputRedirected;
            return new HostIO(
                Console.Out,
                Console.Error,
                Console.In,
                outIsTerminal ? TerminalWidth() : DefaultWidth,
                colorOutput: outIsTerminal,
                colorError: !Console.IsErrorRedirected,
                inputIsTerminal: !Console.IsInputRedirected);
        }

        private static int TerminalWidth()
        {
            try { return Console.WindowWidth; }
            catch (IOException) { return DefaultWidth; }
        }
    }
}
