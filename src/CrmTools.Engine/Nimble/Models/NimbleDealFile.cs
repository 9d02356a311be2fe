using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>A file stored on a deal (uploaded to Nimble, or linked from Dropbox, Google Drive or OneDrive).</summary>
    public sealed class NimbleDealFile
    {
        /// <summary>The deal the file is on (set by the client).</summary>
        [JsonIgnore]
        public string? DealId { get; set; }

        public string? FileId { get; set; }

        public string? FileName { get; set; }

        /// <summary>The size in bytes.</summary>
        public double? FileSize { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UploadedAt { get; set; }

        public NimbleUserInfo? Uploader { get; set; }

        public NimbleDealFileMetadata? Metadata { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        [JsonIgnore]
        public string? Id => FileId;

        [JsonIgnore]
        public string? Name => FileName;

        /// <summary>uploaded_azure, dropbox, one_drive or google_drive.</summary>
        [JsonIgnore]
        public string? Source => Metadata?.Source;

        public override string ToString() => FileName ?? FileId ?? string.Empty;
    }

    /// <summary>Where a deal file lives: data_id for uploaded files, file_url and icon_url for linked ones.</summary>
    public sealed class NimbleDealFileMetadata
    {
        public string? Source { get; set; }

        public string? DataId { get; set; }

        public string? FileUrl { get; set; }

        public string? IconUrl { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>A download link of a deal file (GET /api/v2/deals/{deal}/files/{file}/url).</summary>
    public sealed class NimbleDealFileLink
    {
        [JsonIgnore]
        public string? DealId { get; set; }

        [JsonIgnore]
        public string? FileId { get; set; }

        public string? Url { get; set; }

        public override string ToString() => Url ?? string.Empty;
    }
}
