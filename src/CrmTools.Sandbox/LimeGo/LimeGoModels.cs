using System.Collections.Generic;

namespace CrmTools.Sandbox.LimeGo
{
    // The emulated account's records. Property names match the GraphQL schema's fields (graphql-dotnet resolves
    // fields by property name), so the schema needs resolvers only for the root fields.

    internal sealed class LgCoworker
    {
        public int Id { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Name => (FirstName + " " + LastName).Trim();
        public string Email { get; set; } = "";
        public string? PhoneNumber { get; set; }
    }

    internal sealed class LgCustomField
    {
        public string Title { get; set; } = "";
        public string Type { get; set; } = "text";
        public string? Value { get; set; }
    }

    internal sealed class LgOrganization
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public string? City { get; set; }
        public string? Email { get; set; }
        public string? PhoneNumber { get; set; }
        public string? OrganizationNumber { get; set; }
        public string? IntegrationId { get; set; }
        public string? Temperature { get; set; }
        public string CustomerRelation { get; set; } = "NO_RELATION";
        public List<string> Tags { get; set; } = new List<string>();
        public LgCoworker? ResponsibleCoworker { get; set; }
        public List<LgCustomField> CustomFields { get; set; } = new List<LgCustomField>();
        public List<LgDeal> Deals { get; } = new List<LgDeal>();
    }

    internal sealed class LgDeal
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public LgOrganization Customer { get; set; } = null!;
        public string CustomerName => Customer.Name;
        public string Status { get; set; } = "NEW";
        public string? Source { get; set; }
        public decimal Value { get; set; }
        public string Currency { get; set; } = "SEK";
        public List<string> Tags { get; set; } = new List<string>();
        public LgCoworker? ResponsibleCoworker { get; set; }
        public List<LgCustomField> CustomFields { get; set; } = new List<LgCustomField>();
    }

    internal sealed class LgSubscription
    {
        public int Id { get; set; }
        public string TargetUrl { get; set; } = "";
        /// <summary>Empty: every event.</summary>
        public List<string> Events { get; set; } = new List<string>();
    }
}
