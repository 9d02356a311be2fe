using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmTools.Host
{
    /// <summary>
    /// Builds the PowerShell text that calls the user's script. Arguments are bound the way pwsh -File binds
    /// them: a word like -Name is a parameter name, -Name:value a name with its value, anything else a quoted
    /// literal, so the script's own param() block does the type conversion.
    /// </summary>
    internal static class ScriptInvocation
    {
        private static readonly Regex ParameterName = new Regex(@"^-[\p{L}_?][\p{L}\p{N}_-]*:?$");
        private static readonly Regex ParameterWithValue = new Regex(@"^(-[\p{L}_][\p{L}\p{N}_-]*):(.+)$");

        // No try/catch around the call: it would turn statement-terminating errors (a bad parameter value)
        // into script-terminating ones, and the script would no longer run as it does under pwsh.
        public static string Build(string scriptPath, IEnumerable<string> arguments)
        {
            var call = new StringBuilder("& ").Append(Quote(scriptPath));
            foreach (string argument in arguments) call.Append(' ').Append(Token(argument));
            return call.ToString();
        }

        private static string Token(string argument)
        {
            if (ParameterName.IsMatch(argument)) return argument;
            var named = ParameterWithValue.Match(argument);
            if (named.Success)
            {
                string value = named.Groups[2].Value;
                bool isBoolean = value == "$true" || value == "$false";
                return named.Groups[1].Value + ":" + (isBoolean ? value : Quote(value));
            }
            return Quote(argument);
        }

        // Single quotes make a literal: nothing inside is expanded. PowerShell also treats the typographic
        // single quotes as quotes, so every kind is doubled.
        private static string Quote(string text)
        {
            var quoted = new StringBuilder("'");
            foreach (char c in text)
            {
                if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') quoted.Append(c);
                quoted.Append(c);
            }
            return quoted.Append('\'').ToString();
        }
    }
}
