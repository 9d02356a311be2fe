using System;
using System.Collections.Generic;
using System.Text;

namespace CrmTools.Sandbox.Hosting
{
    /// <summary>A minimal multipart/form-data reader: enough for file uploads in tests.</summary>
    internal static class Multipart
    {
        public sealed class Part
        {
            public string? Name;
            public string? FileName;
            public string? ContentType;
            public byte[] Content = new byte[0];
        }

        public static List<Part> Parse(byte[] body, string? contentType)
        {
            var parts = new List<Part>();
            var boundary = Boundary(contentType);
            if (boundary == null) return parts;
            var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
            int pos = IndexOf(body, delimiter, 0);
            while (pos >= 0)
            {
                int start = pos + delimiter.Length;
                if (start + 1 < body.Length && body[start] == '-' && body[start + 1] == '-') break; // closing delimiter
                start = SkipLineBreak(body, start);
                int next = IndexOf(body, delimiter, start);
                if (next < 0) break;
                int end = next;
                if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') end -= 2;
                else if (end >= 1 && body[end - 1] == '\n') end -= 1;
                parts.Add(ReadPart(body, start, end));
                pos = next;
            }
            return parts;
        }

        private static Part ReadPart(byte[] body, int start, int end)
        {
            var part = new Part();
            int headerEnd = IndexOf(body, Encoding.ASCII.GetBytes("\r\n\r\n"), start);
            int sepLength = 4;
            if (headerEnd < 0 || headerEnd > end)
            {
                headerEnd = IndexOf(body, Encoding.ASCII.GetBytes("\n\n"), start);
                sepLength = 2;
            }
            if (headerEnd < 0 || headerEnd > end) return part;
            var headers = Encoding.UTF8.GetString(body, start, headerEnd - start);
            foreach (var line in headers.Split('\n'))
            {
                var l = line.Trim();
                if (l.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
                {
                    part.Name = Attribute(l, "name");
                    part.FileName = Attribute(l, "filename");
                }
                else if (l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
                {
                    part.ContentType = l.Substring("Content-Type:".Length).Trim();
                }
            }
            int contentStart = headerEnd + sepLength;
            part.Content = new byte[Math.Max(0, end - contentStart)];
            Buffer.BlockCopy(body, contentStart, part.Content, 0, part.Content.Length);
            return part;
        }

        private static string? Attribute(string header, string name)
        {
            foreach (var piece in header.Split(';'))
            {
                var kv = piece.Trim();
                if (!kv.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) continue;
                return kv.Substring(name.Length + 1).Trim().Trim('"');
            }
            return null;
        }

        private static string? Boundary(string? contentType)
        {
            if (contentType == null) return null;
            foreach (var piece in contentType.Split(';'))
            {
                var kv = piece.Trim();
                if (kv.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase)) return kv.Substring(9).Trim('"');
            }
            return null;
        }

        private static int SkipLineBreak(byte[] b, int i)
        {
            if (i < b.Length && b[i] == '\r') i++;
            if (i < b.Length && b[i] == '\n') i++;
            return i;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (int i = from; i <= haystack.Length - needle.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }
    }
}
