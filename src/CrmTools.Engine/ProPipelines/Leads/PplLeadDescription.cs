using System.Collections.Generic;
using System.Text;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>
    /// Composes a lead description the way the service reads it: one "Name: value" line per field
    /// (these fill the lead's fields, e-mail and duplicate detection), then, after a "---" line,
    /// free text. The service stops reading fields at the first line starting with "---".
    /// </summary>
    public static class PplLeadDescription
    {
        public const string Separator = "---";

        /// <param name="fields">Field name and value pairs, in the order they should appear.</param>
        /// <param name="freeText">Text after the fields (optional).</param>
        public static string Compose(IEnumerable<KeyValuePair<string, string?>>? fields, string? freeText)
        {
            var sb = new StringBuilder();
            if (fields != null)
            {
                foreach (var field in fields)
                {
                    var name = (field.Key ?? string.Empty).Trim();
                    CheckName(name);
                    if (field.Value == null) continue;
                    if (sb.Length > 0) sb.Append('\n');
                    // A line break inside a value would end the field early and turn the rest into a field or free text.
                    sb.Append(name).Append(": ").Append(OneLine(field.Value));
                }
            }
            if (!string.IsNullOrEmpty(freeText))
            {
                if (sb.Length > 0) sb.Append('\n').Append(Separator).Append('\n');
                sb.Append(freeText);
            }
            return sb.ToString();
        }

        private static void CheckName(string name)
        {
            if (name.Length == 0)
            {
                throw new CrmValidationException("Ppl", "Field", "A field name is empty.");
            }
            if (name.IndexOf(':') >= 0 || name.IndexOf('\n') >= 0 || name.IndexOf('\r') >= 0)
            {
                throw new CrmValidationException("Ppl", "Field", $"The field name '{name}' cannot contain a colon or a line break: the service reads 'Name: value' lines.");
            }
            if (name.StartsWith(Separator, System.StringComparison.Ordinal))
            {
                throw new CrmValidationException("Ppl", "Field", $"The field name '{name}' cannot start with '{Separator}': the service reads that line as the end of the fields.");
            }
        }

        private static string OneLine(string value) => value.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
    }
}
