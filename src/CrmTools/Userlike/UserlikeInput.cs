using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Userlike;
using CrmTools.LimeCrm;

namespace CrmTools.Userlike
{
    /// <summary>
    /// Turns what the Userlike commands receive into conversations: files and folders (-Path, -LiteralPath,
    /// FileInfo from Get-ChildItem), JSON text (a webhook body, Get-Content -Raw), objects from ConvertFrom-Json
    /// or hashtables, and conversations already read. Every input item gives one or more read results; those
    /// that cannot be read carry an error naming the file or the pipeline item.
    /// </summary>
    internal sealed class UserlikeInput
    {
        private readonly PSCmdlet _cmdlet;
        private int _item;

        public UserlikeInput(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The files behind -Path (wildcards) or -LiteralPath; a folder stands for the .json files in it.</summary>
        public IReadOnlyList<string> ResolveFiles(IEnumerable<string> paths, bool literal)
        {
            var files = new List<string>();
            foreach (var path in paths)
            {
                IEnumerable<string> resolved;
                try
                {
                    ProviderInfo provider;
                    resolved = literal
                        ? new[] { _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                        : _cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                    if (provider.Name != "FileSystem")
                    {
                        WritePathError(new ArgumentException($"'{path}' is not a file-system path."), "Userlike.NotAFile", ErrorCategory.InvalidArgument, path);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
                {
                    WritePathError(ex, "Userlike.PathNotFound", ErrorCategory.ObjectNotFound, path);
                    continue;
                }
                foreach (var file in resolved.OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (Directory.Exists(file)) files.AddRange(Directory.GetFiles(file, "*.json").OrderBy(f => f, StringComparer.Ordinal));
                    else if (File.Exists(file)) files.Add(file);
                    else WritePathError(new FileNotFoundException($"Cannot find the file '{file}'.", file), "Userlike.PathNotFound", ErrorCategory.ObjectNotFound, path);
                }
            }
            return files;
        }

        /// <summary>Reads one file (a conversation, or an array of them).</summary>
        public IReadOnlyList<UserlikeReadResult> ReadFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new[] { UserlikeConversationReader.Unreadable(path, ex) };
            }
            return UserlikeConversationReader.ReadText(text, path);
        }

        /// <summary>Reads one pipeline item.</summary>
        public IReadOnlyList<UserlikeReadResult> Read(PSObject? item)
        {
            _item++;
            var source = "pipeline item " + _item.ToString(CultureInfo.InvariantCulture);
            switch (item?.BaseObject)
            {
                case UserlikeConversation conversation:
                    return new[] { Passed(conversation, source) };
                case FileInfo file:
                    return ReadFile(file.FullName);
                case string text:
                    return UserlikeConversationReader.ReadText(text, source);
                case IDictionary _:
                case PSCustomObject _:
                    return UserlikeConversationReader.ReadObject(PowerShellValues.Unwrap(item), source);
                default:
                    return new[] { UserlikeConversationReader.Unsupported(source, item?.BaseObject?.GetType().FullName ?? "null value") };
            }
        }

        /// <summary>The error record of input that is not a readable conversation: ErrorId Userlike.NotJson, .NotAConversation, ...</summary>
        public static ErrorRecord ErrorFor(UserlikeInputException error, object? target) =>
            new ErrorRecord(error, "Userlike." + error.ErrorId, error.ErrorId == "FileNotReadable" ? ErrorCategory.ReadError : ErrorCategory.InvalidData, target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = "Check the file or item; the other conversations went on." },
            };

        private static UserlikeReadResult Passed(UserlikeConversation conversation, string source)
        {
            conversation.Source ??= source;
            return UserlikeConversationReader.Accept(conversation);
        }

        private void WritePathError(Exception ex, string errorId, ErrorCategory category, string path) =>
            _cmdlet.WriteError(new ErrorRecord(ex, errorId, category, path));
    }
}
