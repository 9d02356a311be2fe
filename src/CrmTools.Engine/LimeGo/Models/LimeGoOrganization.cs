using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeGo.Models
{
    /// <summary>A Lime Go organization (company), from GraphQL or as carried by a feed event.</summary>
    public sealed class LimeGoOrganization
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public string? City { get; set; }

        public string? Email { get; set; }

        public string? PhoneNumber { get; set; }

        public string? OrganizationNumber { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? IntegrationId { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Temperature { get; set; }

        /// <summary>The customer relation: NO_RELATION, BEEN_IN_TOUCH, WORKING_ON_IT, IS_A_CUSTOMER or WAS_A_CUSTOMER.
        /// GraphQL names it customerRelation; feed events may say relation.</summary>
        [JsonPropertyName("customerRelation")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Relation
        {
            get => _relation ?? ShortRelation;
            set => _relation = value;
        }

        private string? _relation;

        [JsonInclude]
        [JsonPropertyName("relation")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        internal string? ShortRelation { get; set; }

        public string[]? Tags { get; set; }

        public LimeGoCoworker? ResponsibleCoworker { get; set; }

        public LimeGoCustomField[]? CustomFields { get; set; }

        /// <summary>Fields the service sent that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Alias of <see cref="Id"/> for pipeline binding (Set-LimeGoOrganization -OrganizationId).</summary>
        [JsonIgnore]
        public long OrganizationId => Id;

        public override string ToString() => $"{Id.ToString(CultureInfo.InvariantCulture)} {Name}";
    }
}
