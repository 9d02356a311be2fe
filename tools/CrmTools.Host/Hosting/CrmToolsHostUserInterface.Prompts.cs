using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CrmTools.Hosting
{
    /// <summary>
    /// Reading side of the host UI: Read-Host, -Confirm choices, mandatory-parameter and credential prompts.
    /// Answers are read line by line from <see cref="HostIO.Input"/>; with no input the host is
    /// non-interactive and every prompt fails the way pwsh -NonInteractive does.
    /// </summary>
    public sealed partial class CrmToolsHostUserInterface
    {
        public override string ReadLine() => ReadAnswer();

        public override SecureString ReadLineAsSecureString() => ToSecureString(ReadAnswer(secret: true));

        public override Dictionary<string, PSObject> Prompt(string caption, string message,
            Collection<FieldDescription> descriptions)
        {
            WriteCaption(caption, message);
            var answers = new Dictionary<string, PSObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in descriptions)
            {
                Write(field.Name + ": ");
                object answer = field.ParameterTypeFullName == typeof(SecureString).FullName
                    ? ToSecureString(ReadAnswer(secret: true))
                    : field.ParameterTypeFullName == typeof(PSCredential).FullName
                        ? PromptForCredential("", "", null, "")
                        : (object)ReadAnswer();
                answers[field.Name] = PSObject.AsPSObject(answer);
            }
            return answers;
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices,
            int defaultChoice)
        {
            WriteCaption(caption, message);
            var options = new List<string>();
            foreach (var choice in choices)
                options.Add("[" + Hotkey(choice.Label) + "] " + choice.Label.Replace("&", ""));
            string prompt = string.Join("  ", options);
            if (defaultChoice >= 0 && defaultChoice < choices.Count)
                prompt += " (default is \"" + Hotkey(choices[defaultChoice].Label) + "\")";

            // Ask again on an answer that matches nothing, like the console; end of input ends the loop.
            while (true)
            {
                Write(prompt + ": ");
                string answer = ReadAnswer().Trim();
                if (answer.Length == 0 && defaultChoice >= 0) return defaultChoice;
                for (int i = 0; i < choices.Count; i++)
                {
                    string label = choices[i].Label;
                    if (string.Equals(answer, Hotkey(label), StringComparison.OrdinalIgnoreCase) ||
                        string.Equals(answer, label.Replace("&", ""), StringComparison.OrdinalIgnoreCase))
                        return i;
                }
            }
        }

        public override PSCredential PromptForCredential(string caption, string message, string? userName,
            string targetName) =>
            PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default,
                PSCredentialUIOptions.Default);

        public override PSCredential PromptForCredential(string caption, string message, string? userName,
            string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        {
            WriteCaption(caption, message);
            if (string.IsNullOrEmpty(userName))
            {
                Write("User: ");
                userName = ReadAnswer();
            }
            Write("Password for user " + userName + ": ");
            return new PSCredential(userName, ToSecureString(ReadAnswer(secret: true)));
        }

        private void WriteCaption(string caption, string message)
        {
            if (!string.IsNullOrEmpty(caption)) WriteLine(caption);
            if (!string.IsNullOrEmpty(message)) WriteLine(message);
        }

        private string ReadAnswer(bool secret = false)
        {
            if (_io.Input == null)
                throw new HostException(
                    "The host is non-interactive: it has no input to read a prompt's answer from. " +
                    "Pass the value as a parameter (or -Confirm:$false) instead.",
                    null, "HostNonInteractive", ErrorCategory.InvalidOperation);
            if (secret && _io.InputIsTerminal) return ReadUnseenFromKeyboard();

            string? line = _io.Input.ReadLine();
            if (line == null)
                throw new HostException("The host's input ended before a prompt was answered.",
                    null, "HostInputEnded", ErrorCategory.InvalidOperation);
            // A terminal echoes what is typed; piped or captured answers are echoed here so the
            // output reads like a console transcript (secrets masked).
            if (!_io.InputIsTerminal) WriteLine(secret ? new string('*', line.Length) : line);
            return line;
        }

        private string ReadUnseenFromKeyboard()
        {
            var text = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(true))
            {
                if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
                else if (key.KeyChar != '\0') text.Append(key.KeyChar);
            }
            WriteLine("");
            return text.ToString();
        }

        private static string Hotkey(string label)
        {
            int amp = label.IndexOf('&');
            return amp >= 0 && amp + 1 < label.Length
                ? label[amp + 1].ToString().ToUpper(CultureInfo.CurrentCulture)
                : label;
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
