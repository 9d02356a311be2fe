using System;
using System.Collections.Generic;
using System.Text;

namespace CrmTools.HelpGen.Docs
{
    /// <summary>Drops &lt;!-- notes to the writer --&gt; (also over several lines) so they never reach Get-Help.
    /// Text inside code fences is left alone.</summary>
    internal static class MarkdownComments
    {
        public static List<string> Remove(IEnumerable<string> lines)
        {
            var kept = new List<string>();
            string? openFence = null;
            bool inComment = false;
            foreach (string line in lines)
            {
                string? fence = MarkdownBlocks.FenceMarker(line);
                if (!inComment && (openFence != null || fence != null))
                {
                    if (openFence == null) openFence = fence;
                    else if (fence == openFence) openFence = null;
                    kept.Add(line);
                    continue;
                }
                var text = new StringBuilder();
                for (int i = 0; i < line.Length;)
                {
                    string marker = inComment ? "-->" : "<!--";
                    int at = line.IndexOf(marker, i, StringComparison.Ordinal);
                    if (at < 0) { if (!inComment) text.Append(line, i, line.Length - i); break; }
                    if (!inComment) text.Append(line, i, at - i);
                    inComment = !inComment;
                    i = at + marker.Length;
                }
                // A line that only held a comment disappears instead of becoming a paragraph break.
                if (text.Length > 0 || line.Length == 0) kept.Add(text.ToString());
            }
            return kept;
        }
    }
}
