using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmTools.Engine.LimeGo.Models
{
    /// <summary>
    /// A coworker (user) of the Lime Go account: as listed through GraphQL (<c>id name email phoneNumber</c>), as a
    /// deal's or organization's responsible coworker, and as the coworker of a feed event (<c>firstName lastName email</c>).
    /// </summary>
    public sealed class LimeGoCoworker
    {
        public long? Id { get; set; }

        /// <summary>The full name (built from first and last name when the service sends only those).</summary>
        public string? Name
        {
            get => _name ?? JoinName();
            set => _name = value;
        }

        private string? _name;

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? PhoneNumber { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        private string? JoinName()
        {
            var name = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
            return name.Length > 0 ? name : null;
        }

        public override string ToString() => Name ?? Email ?? Id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>A custom field value of a deal or organization.</summary>
    public sealed class LimeGoCustomField
    {
        public string? Title { get; set; }

        public string? Type { get; set; }

        [JsonConverter(typeof(Json.FlexibleStringConverter))]
        public string? Value { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{Title}={Value}";
    }
}
