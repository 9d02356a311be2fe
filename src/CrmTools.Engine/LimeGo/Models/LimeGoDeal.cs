using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmTools.Engine.Json;

namespace CrmTools.Engine.LimeGo.Models
{
    /// <summary>A Lime Go deal, from GraphQL or as carried by a feed event.</summary>
    public sealed class LimeGoDeal
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        /// <summary>The organization's name, as the service denormalises it onto the deal.</summary>
        public string? CustomerName { get; set; }

        /// <summary>The deal's status: one of the account's configured steps (e.g. ORDER).</summary>
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Status { get; set; }

        /// <summary>The deal's value (feed events carry it; the documented GraphQL fields do not).</summary>
        public decimal? Value { get; set; }

        public string? Currency { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Source { get; set; }

        public string[]? Tags { get; set; }

        public LimeGoCoworker? ResponsibleCoworker { get; set; }

        public LimeGoCustomField[]? CustomFields { get; set; }

        /// <summary>The organization the deal is with.</summary>
        public LimeGoOrganization? Customer { get; set; }

        /// <summary>Fields the service sent that this model does not name.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Alias of <see cref="Id"/> for pipeline binding (Set-LimeGoDeal -DealId).</summary>
        [JsonIgnore]
        public long DealId => Id;

        public override string ToString() => $"{Id.ToString(CultureInfo.InvariantCulture)} {Name}";
    }
}
