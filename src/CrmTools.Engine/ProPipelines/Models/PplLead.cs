using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.ProPipelines.Models
{
    /// <summary>A ProPipelines lead, in the list shape or the full shape with <see cref="ExtendedInfo"/>.</summary>
    public sealed class PplLead
    {
        public long Id { get; set; }

        public string? Title { get; set; }

        /// <summary>todo, standby, won, lost or cancelled. The service capitalises it in some answers ("Todo");
        /// it is kept lower case, as the documented values are, so output and filters agree.</summary>
        public string? Status
        {
            get => _status;
            set => _status = value?.ToLowerInvariant();
        }

        private string? _status;

        public string? Step { get; set; }

        public long? StepId { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Pipeline { get; set; }

        public decimal? Amount { get; set; }

        public int? Probability { get; set; }

        public string? Currency { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Starred { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? RemindDate { get; set; }

        public string? RemindTime { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ReminderAt { get; set; }

        public int? ReminderDuration { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? ClosedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? EstimatedClosingDate { get; set; }

        /// <summary>The plain description ("Name: value" lines, then free text).</summary>
        public string? Description
        {
            get => _description ?? TextDescription;
            set => _description = value;
        }

        private string? _description;

        /// <summary>Some list answers name the plain description text_description.</summary>
        [JsonInclude]
        [JsonPropertyName("text_description")]
        internal string? TextDescription { get; set; }

        public string? HtmlDescription { get; set; }

        public string[]? Tags { get; set; }

        public string? CreatedFrom { get; set; }

        public long? CreatedById { get; set; }

        public long? UserId { get; set; }

        public long? TeamId { get; set; }

        public string? TeamName { get; set; }

        public long? ClientFolderId { get; set; }

        public string? ClientFolderName { get; set; }

        public int? AttachmentCount { get; set; }

        public PplLeadExtendedInfo? ExtendedInfo { get; set; }

        /// <summary>Fields the service sent that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The owner's name when the full lead is known, else the owner's user id; empty when unassigned.</summary>
        [JsonIgnore]
        public string? Owner => ExtendedInfo?.User?.DisplayName ?? UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>True when no user owns the lead.</summary>
        [JsonIgnore]
        public bool IsUnassigned => UserId == null;

        /// <summary>The lead's address in the web application, when known.</summary>
        [JsonIgnore]
        public string? Permalink => ExtendedInfo?.Permalink;

        public override string ToString() => $"{Id} {Title}";
    }

    /// <summary>The details only a single-lead answer carries.</summary>
    public sealed class PplLeadExtendedInfo
    {
        public string? FirstContactEmail { get; set; }

        public string[]? AllContactEmails { get; set; }

        public string? Permalink { get; set; }

        public PplLeadFields? Fields { get; set; }

        /// <summary>The description's "Name: value" lines by field name.</summary>
        public Dictionary<string, string?>? FieldsByName { get; set; }

        public int? CommentCount { get; set; }

        public int? BccCount { get; set; }

        public PplTeam? Team { get; set; }

        public PplUser? User { get; set; }

        /// <summary>The client folder; live payloads call it "client", the document "client_folder".</summary>
        public PplClientFolder? ClientFolder
        {
            get => _clientFolder ?? Client;
            set => _clientFolder = value;
        }

        private PplClientFolder? _clientFolder;

        [JsonInclude]
        [JsonPropertyName("client")]
        internal PplClientFolder? Client { get; set; }

        public PplUser? CreatedBy { get; set; }

        public long? BusinessCardId { get; set; }

        public int? VisibleByCount { get; set; }

        public JsonElement? FollowUps { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>The standard contact fields the service extracts from a lead's description.</summary>
    public sealed class PplLeadFields
    {
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Mobile { get; set; }
        public string? Address { get; set; }
        public string? Web { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? FullName { get; set; }
        public string? Job { get; set; }
        public string? Fax { get; set; }
        public string? Vat { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
