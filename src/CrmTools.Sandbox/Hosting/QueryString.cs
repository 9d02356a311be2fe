using System;
using System.Collections.Generic;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>Parses application/x-www-form-urlencoded text (query strings and form bodies).</summary>
    internal static class QueryString
    {
        public static List<KeyValuePair<string, string>> Parse(string? text)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(text)) return pairs;
            if (text![0] == '?') text = text.Substring(1);
            foreach (var part in text.Split('&'))
            {
                if (part.Length == 0) continue;
                int eq = part.IndexOf('=');
                string name = Decode(eq < 0 ? part : part.Substring(0, eq));
                string value = eq < 0 ? "" : Decode(part.Substring(eq + 1));
                pairs.Add(new KeyValuePair<string, string>(name, value));
            }
            return pairs;
        }

        public static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
