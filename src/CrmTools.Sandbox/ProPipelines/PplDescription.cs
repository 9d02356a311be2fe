using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>
    /// The lead description: "Name: value" lines (the account's fields), then free text after a
    /// line starting with "---". Parsing feeds extended_info.fields / fields_by_name and the
    /// email / field_key filters.
    /// </summary>
    internal static class PplDescription
    {
        /// <summary>The standard keys of extended_info.fields, in the documented order.</summary>
        public static readonly string[] StandardKeys =
            { "email", "phone", "mobile", "address", "web", "first_name", "last_name", "full_name", "job", "fax", "vat" };

        /// <summary>Field lines in order; stops at the first "---" separator.</summary>
        public static List<KeyValuePair<string, string>> Parse(string? text)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(text)) return result;
            foreach (var rawLine in text!.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r');
                if (line.StartsWith("---", StringComparison.Ordinal)) break;
                int colon = line.IndexOf(':');
                if (colon <= 0 || colon > 60) continue;
                var name = line.Substring(0, colon).Trim();
                if (name.Length == 0 || name.IndexOf(' ') > 0 && name.Split(' ').Length > 4) continue;
                var value = line.Substring(colon + 1);
                if (value.StartsWith(" ", StringComparison.Ordinal)) value = value.Substring(1);
                result.Add(new KeyValuePair<string, string>(name, value));
            }
            return result;
        }

        /// <summary>Maps a field name as written ("Firstname", "E-mail", "Department") to its standard key.</summary>
        public static string? StandardKey(string name)
        {
            switch (name.Trim().ToLowerInvariant().Replace("-", "").Replace("_", " "))
            {
                case "email": case "e mail": case "mail": return "email";
                case "phone": case "telephone": case "tel": return "phone";
                case "mobile": case "mobile phone": case "cell": return "mobile";
                case "address": return "address";
                case "web": case "website": case "url": return "web";
                case "firstname": case "first name": return "first_name";
                case "lastname": case "last name": return "last_name";
                case "full name": case "fullname": case "name": return "full_name";
                case "job": case "job title": case "department": case "position": return "job";
                case "fax": return "fax";
                case "vat": return "vat";
                default: return null;
            }
        }

        /// <summary>Every e-mail address found in the text, in order, without duplicates.</summary>
        public static List<string> Emails(string? text)
        {
            var found = new List<string>();
            if (string.IsNullOrEmpty(text)) return found;
            var parts = text!.Split(new[] { ' ', '\n', '\r', '\t', ',', ';', '<', '>', '(', ')', '"' }, StringSplitOptions.RemoveEmptyEntries);
            foreach (var p in parts)
            {
                var candidate = p.Trim('.', ':');
                int at = candidate.IndexOf('@');
                if (at > 0 && candidate.IndexOf('.', at) > at + 1 && !found.Exists(f => string.Equals(f, candidate, StringComparison.OrdinalIgnoreCase)))
                    found.Add(candidate);
            }
            return found;
        }

        /// <summary>A rough HTML rendering, as the service returns next to the plain text.</summary>
        public static string ToHtml(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var sb = new StringBuilder(text!.Length + 32);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '\r': break;
                    case '\n': sb.Append("<br />"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        /// <summary>ASCII-folds a name for use in an e-mail address or a domain.</summary>
        public static string Slug(string text, char space)
        {
            var sb = new StringBuilder(text.Length);
            foreach (char c in text.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                switch (char.ToLowerInvariant(c))
                {
                    case 'ø': sb.Append('o'); break;
                    case 'ł': sb.Append('l'); break;
                    case 'ß': sb.Append("ss"); break;
                    case 'æ': sb.Append("ae"); break;
                    case 'œ': sb.Append("oe"); break;
                    case ' ': case '-': if (sb.Length > 0 && sb[sb.Length - 1] != space) sb.Append(space); break;
                    default:
                        char l = char.ToLowerInvariant(c);
                        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) sb.Append(l);
                        break;
                }
            }
            return sb.ToString().Trim(space);
        }
    }
}
