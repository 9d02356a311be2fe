using System;
using System.Text.RegularExpressions;

namespace CrmTools.Hosting
{
    /// <summary>Adds ANSI colour sequences for a terminal, and removes them for everything else.</summary>
    internal static class AnsiColor
    {
        private const string Reset = "\u001b[0m";

        // CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles).
        private static readonly Regex EscapeSequence =
            new Regex(@"\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)", RegexOptions.Compiled);

        public static string Strip(string text) =>
            text.IndexOf('\u001b') < 0 ? text : EscapeSequence.Replace(text, "");

        // ConsoleColor order is Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray,
        // DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White; ANSI orders RGB bits the other way round.
        private static readonly int[] ForegroundCodes = { 30, 34, 32, 36, 31, 35, 33, 37, 90, 94, 92, 96, 91, 95, 93, 97 };

        public static string Wrap(string text, ConsoleColor? foreground, ConsoleColor? background = null)
        {
            if (text.Length == 0 || (foreground == null && background == null)) return text;
            string codes = foreground != null ? ForegroundCodes[(int)foreground.Value].ToString() : "";
            if (background != null)
                codes += (codes.Length > 0 ? ";" : "") + (ForegroundCodes[(int)background.Value] + 10);
            return "\u001b[" + codes + "m" + text + Reset;
        }
    }
}
