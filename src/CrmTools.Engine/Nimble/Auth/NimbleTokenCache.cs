using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Auth
{
    /// <summary>
    /// The opt-in token cache (-TokenCachePath): keeps the refresh token between sessions so an unattended runbook
    /// can run after one interactive consent. Never plain text for anyone but the user:
    /// <list type="bullet">
    /// <item>Windows: the JSON is encrypted with DPAPI for the current user (ProtectedData, CurrentUser scope).</item>
    /// <item>Linux and macOS: the file is created with mode 600 (owner read/write only) and its folder, when
    /// created here, with 700; a file found with wider permissions is tightened and a warning written.</item>
    /// </list>
    /// Writes go to a temporary file in the same folder (same permissions) and replace the cache in one move.
    /// </summary>
    internal static class NimbleTokenCache
    {
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("CRMTOOLS-DPAPI-1\n");
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("CrmTools.Nimble.TokenCache");

#if NET
        [System.Runtime.Versioning.SupportedOSPlatformGuard("windows")]
        private static bool IsWindows => OperatingSystem.IsWindows();
#else
        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
#endif

        /// <summary>The cached entry, or null when there is none (or it cannot be read, with a warning).</summary>
        public static NimbleTokenCacheEntry? Read(string path)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) return null;
            try
            {
                var bytes = File.ReadAllBytes(full);
                byte[] json;
                if (IsWindows)
                {
                    if (!StartsWith(bytes, Magic))
                    {
                        CrmLog.Warning($"The token cache {full} is not protected with DPAPI; it is ignored and will be rewritten protected.");
                        return null;
                    }
                    json = Unprotect(Slice(bytes, Magic.Length));
                }
                else
                {
                    TightenPermissions(full);
                    json = bytes;
                }
                return JsonSerializer.Deserialize(json, NimbleJsonContext.Default.NimbleTokenCacheEntry);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException || ex is System.Security.Cryptography.CryptographicException)
            {
                CrmLog.Warning($"The token cache {full} could not be read ({ex.GetType().Name}); signing in again.");
                return null;
            }
        }

        public static void Write(string path, NimbleTokenCacheEntry entry)
        {
            var full = Path.GetFullPath(path);
            var json = JsonSerializer.SerializeToUtf8Bytes(entry, NimbleJsonContext.Default.NimbleTokenCacheEntry);
            byte[] content;
            if (IsWindows)
            {
                var protectedBytes = Protect(json);
                content = new byte[Magic.Length + protectedBytes.Length];
                Buffer.BlockCopy(Magic, 0, content, 0, Magic.Length);
                Buffer.BlockCopy(protectedBytes, 0, content, Magic.Length, protectedBytes.Length);
                Array.Clear(json, 0, json.Length);
            }
            else
            {
                content = json;
            }
            try
            {
                WriteFileAtomically(full, content);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CrmException("Nimble", CrmErrorKind.Other, $"The token cache {full} could not be written: {ex.Message}", ex) { ErrorId = "TokenCacheWriteFailed" };
            }
        }

        public static void Delete(string path)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full)) File.Delete(full);
        }

        private static void WriteFileAtomically(string full, byte[] content)
        {
            var directory = Path.GetDirectoryName(full)!;
            CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = CreatePrivateFile(temp))
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(true);
                }
                Replace(temp, full);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

#if NET
        private static void CreateDirectory(string directory)
        {
            if (Directory.Exists(directory)) return;
            if (IsWindows) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Created with mode 600 from the start: the content is never readable by others, not even for a moment.
        private static FileStream CreatePrivateFile(string path)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!IsWindows) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new FileStream(path, options);
        }

        private static void Replace(string temp, string full) => File.Move(temp, full, overwrite: true);

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        private static void TightenPermissions(string full)
        {
            var mode = File.GetUnixFileMode(full);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) == 0) return;
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            CrmLog.Warning($"The token cache {full} was readable by other users; its permissions were set to 600.");
        }
#else
        // netstandard2.0 runs in Windows PowerShell 5.1, i.e. on Windows, where the content is DPAPI-protected.
        private static void CreateDirectory(string directory)
        {
            RequireWindows();
            Directory.CreateDirectory(directory);
        }

        private static FileStream CreatePrivateFile(string path)
        {
            RequireWindows();
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        private static void Replace(string temp, string full)
        {
            if (File.Exists(full)) File.Replace(temp, full, null);
            else File.Move(temp, full);
        }

        private static void TightenPermissions(string full) => RequireWindows();

        private static void RequireWindows()
        {
            if (!IsWindows)
            {
                throw new CrmValidationException("Nimble", "TokenCachePath", "-TokenCachePath needs Windows (DPAPI) or PowerShell 7 on Linux and macOS.");
            }
        }
#endif

        // Kept out of line: the ProtectedData assembly is only ever loaded on Windows.
#if NET
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static byte[] Protect(byte[] data) =>
            System.Security.Cryptography.ProtectedData.Protect(data, Entropy, System.Security.Cryptography.DataProtectionScope.CurrentUser);

#if NET
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static byte[] Unprotect(byte[] data) =>
            System.Security.Cryptography.ProtectedData.Unprotect(data, Entropy, System.Security.Cryptography.DataProtectionScope.CurrentUser);

        private static bool StartsWith(byte[] data, byte[] prefix)
        {
            if (data.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++) if (data[i] != prefix[i]) return false;
            return true;
        }

        private static byte[] Slice(byte[] data, int start)
        {
            var result = new byte[data.Length - start];
            Buffer.BlockCopy(data, start, result, 0, result.Length);
            return result;
        }
    }
}
