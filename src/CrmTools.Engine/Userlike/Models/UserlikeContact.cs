using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.Engine.Userlike
{
    /// <summary>The person chatting, as Userlike knows them.</summary>
    public sealed class UserlikeContact
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? EmailVerified { get; set; }

        public string? PhoneNumber { get; set; }

        public string? MobileNumber { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsMobileNumberVerified { get; set; }

        public string? Company { get; set; }

        public string? Position { get; set; }

        public string? Salutation { get; set; }

        public string? Gender { get; set; }

        public string? Street { get; set; }

        public string? City { get; set; }

        public string? Country { get; set; }

        public double? LocLat { get; set; }

        public double? LocLon { get; set; }

        public string? Locale { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? ExternalCustomerId { get; set; }

        public string? InstagramUsername { get; set; }

        public string? UrlFacebook { get; set; }

        public string? UrlLinkedin { get; set; }

        public string? UrlTwitter { get; set; }

        public string? UrlProfilePicture { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? ContactByEmail { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? ContactByPhone { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? ContactByUserlikeChannels { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? ContactByUserlikeMessenger { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? IsBlocked { get; set; }

        [JsonConverter(typeof(FlexibleBoolConverter))]
        public bool? Verified { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? FirstMessageSentAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? LastMessageSentAt { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? LastImportDate { get; set; }

        [JsonConverter(typeof(FlexibleDateTimeOffsetConverter))]
        public DateTimeOffset? LastImportRelevantUpdate { get; set; }

        /// <summary>The account's custom contact fields (name to value).</summary>
        [JsonConverter(typeof(PlainJsonConverter))]
        public object? CustomFieldData { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? Imports { get; set; }

        [JsonConverter(typeof(PlainJsonConverter))]
        public object? WhatsappCampaignSubscriptions { get; set; }

        /// <summary>Fields the payload had that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The phone number, else the mobile number.</summary>
        [JsonIgnore]
        public string? Phone => !string.IsNullOrWhiteSpace(PhoneNumber) ? PhoneNumber : string.IsNullOrWhiteSpace(MobileNumber) ? null : MobileNumber;

        /// <summary>The name, else the e-mail, else the phone, else "Userlike contact &lt;id&gt;".</summary>
        [JsonIgnore]
        public string DisplayName =>
            FirstText(Name, Email, Phone) ?? "Userlike contact" + (Id.HasValue ? " " + Id.Value.ToString(CultureInfo.InvariantCulture) : string.Empty);

        /// <summary>Everything before the last word of the name; null for a one-word or missing name.</summary>
        [JsonIgnore]
        public string? FirstName
        {
            get
            {
                var name = Name?.Trim();
                if (string.IsNullOrEmpty(name)) return null;
                var space = name!.LastIndexOf(' ');
                return space > 0 ? name.Substring(0, space).Trim() : null;
            }
        }

        /// <summary>The last word of the name; without a name, <see cref="DisplayName"/>.</summary>
        [JsonIgnore]
        public string LastName
        {
            get
            {
                var name = Name?.Trim();
                if (string.IsNullOrEmpty(name)) return DisplayName;
                var space = name!.LastIndexOf(' ');
                return space > 0 ? name.Substring(space + 1) : name;
            }
        }

        public override string ToString() => DisplayName;

        private static string? FirstText(params string?[] values)
        {
            foreach (var v in values) if (!string.IsNullOrWhiteSpace(v)) return v!.Trim();
            return null;
        }
    }
}
