using System;
using System.Management.Automation.Host;

namespace CrmTools.Hosting
{
    /// <summary>
    /// The "screen" the engine lays output out for. Only the width matters to a line-writing host:
    /// table and list views size their columns from <see cref="BufferSize"/>. There is no cursor
    /// or screen buffer to read back, so those members report fixed values or refuse.
    /// </summary>
    public sealed class CrmToolsHostRawUserInterface : PSHostRawUserInterface
    {
        // Tall enough that nothing ever "scrolls"; the engine only reads the width.
        private const int BufferHeight = 9999;
        private const int WindowHeight = 50;

        private readonly int _width;

        public CrmToolsHostRawUserInterface(int width)
        {
            _width = width;
        }

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Size BufferSize
        {
            get => new Size(_width, BufferHeight);
            set { } // The width is fixed at construction so captured output never depends on a caller.
        }

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; } = 25;

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize
        {
            get => new Size(_width, WindowHeight);
            set { }
        }

        public override Size MaxWindowSize => WindowSize;

        public override Size MaxPhysicalWindowSize => WindowSize;

        public override bool KeyAvailable => false;

        public override string WindowTitle { get; set; } = "CrmTools";

        public override void FlushInputBuffer() { }

        public override KeyInfo ReadKey(ReadKeyOptions options) =>
            throw new HostException("This host reads whole lines, not single keys.", null, "ReadKeyNotSupported",
                System.Management.Automation.ErrorCategory.NotImplemented);

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
            throw new HostException("This host has no screen buffer to read back.", null, "BufferNotSupported",
                System.Management.Automation.ErrorCategory.NotImplemented);

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip,
            BufferCell fill) { }
    }
}
