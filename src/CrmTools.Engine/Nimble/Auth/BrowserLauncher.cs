using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>Opens a URL in the user's browser where there is one (a desktop session), else says so.</summary>
    public static class BrowserLauncher
    {
        /// <summary>True when this session can show a browser: Windows and macOS desktops, Linux with a display.</summary>
        public static bool IsAvailable
        {
            get
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return Environment.UserInteractive;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SSH_CONNECTION"));
                return !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) ||
                       !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
            }
        }

        /// <summary>Tries to open <paramref name="uri"/>; false when no browser could be started.</summary>
        public static bool TryOpen(Uri uri)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            if (!IsAvailable) return false;
            try
            {
                ProcessStartInfo start;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) start = new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) start = new ProcessStartInfo("open", Quote(uri.AbsoluteUri)) { UseShellExecute = false };
                else start = new ProcessStartInfo("xdg-open", Quote(uri.AbsoluteUri)) { UseShellExecute = false };
                start.CreateNoWindow = true;
                using var process = Process.Start(start);
                return process != null || start.UseShellExecute;
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                return false;
            }
        }

        private static string Quote(string value) => "\"" + value.Replace("\"", "%22") + "\"";
    }
}
