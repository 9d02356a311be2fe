using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A comment on a lead, a prospecting list or a prospect.</summary>
    public sealed class PplComment
    {
        public long Id { get; set; }

        public string? Content { get; set; }

        /// <summary>What the comment is on: Lead, Spreadsheet (a prospecting list) or SpreadsheetRow (a prospect).</summary>
        public PplCommentedItem? CommentedItem { get; set; }

        public long? ActivityId { get; set; }

        public PplAttachment[]? Attachments { get; set; }

        public PplUser? User { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The lead's id when the comment is on a lead (binds to -LeadId down the pipeline).</summary>
        [JsonIgnore]
        public long? LeadId => string.Equals(CommentedItem?.Item, "Lead", StringComparison.OrdinalIgnoreCase) ? CommentedItem!.Id : null;

        /// <summary>The author's name.</summary>
        [JsonIgnore]
        public string? Author => User?.DisplayName;

        public override string ToString() => Content ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class PplCommentedItem
    {
        public string? Item { get; set; }

        public long? Id { get; set; }

        public override string ToString() => $"{Item} {Id}";
    }

    /// <summary>A file on a lead (or an accounting document linked to it: see <see cref="Kind"/>).</summary>
    public sealed class PplAttachment
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        /// <summary>Where the file can be read (a short-lived link for kind "attachment").</summary>
        public string? Url { get; set; }

        public string? Permalink { get; set; }

        public string? ContentType { get; set; }

        /// <summary>attachment, business_card, dropbox, freshbooks_estimate, quickbooks_invoice, ...</summary>
        public string? Kind { get; set; }

        /// <summary>The lead the file is on (set by the module when it listed the lead's files).</summary>
        public long? LeadId { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Only files of kind "attachment" can be downloaded.</summary>
        [JsonIgnore]
        public bool IsDownloadable => Kind == null || string.Equals(Kind, "attachment", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The picture of the business card a lead was created from.</summary>
    public sealed class PplBusinessCard
    {
        public long LeadId { get; set; }

        /// <summary>A short-lived link to the picture.</summary>
        public string? Url { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => Url ?? string.Empty;
    }
}
