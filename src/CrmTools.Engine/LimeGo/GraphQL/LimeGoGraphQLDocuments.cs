using System.Collections.Generic;
using System.Text;

namespace CrmTools.Engine.LimeGo.GraphQL
{
    /// <summary>A mutation the module sends: its field name and argument names and types.</summary>
    internal sealed class MutationSpec
    {
        public MutationSpec(string field, string idArgument, string valueArgument, string valueType)
        {
            Field = field;
            IdArgument = idArgument;
            ValueArgument = valueArgument;
            ValueType = valueType;
        }

        public string Field { get; }
        public string IdArgument { get; }
        public string ValueArgument { get; }
        public string ValueType { get; }
    }

    /// <summary>
    /// Every GraphQL document the typed commands send, in one place. The queries and fields follow what is confirmed
    /// about the service (api-notes: <c>deal(id: Int!)</c>, <c>deals(query: String!)</c>, <c>organizations(query:
    /// String!)</c>, lists with <c>first</c> at most 20 and <c>offset</c>). The MUTATION NAMES, the coworkers list and the
    /// enum type names are not documented by the vendor: they are the choices below, each a one-line change.
    /// </summary>
    internal static class LimeGoGraphQLDocuments
    {
        /// <summary>The most items one list field returns (the service's documented cap on <c>first</c>).</summary>
        public const int MaxPageSize = 20;

        // ---- Open questions: the service's names for these are not published. Change them here, nowhere else. ----
        /// <summary>GraphQL type of the ids the module sends.</summary>
        public const string IdType = "Int!";
        /// <summary>GraphQL type of Deal.status (an enum of the account's steps; read by introspection for validation).</summary>
        public const string DealStatusType = "DealStatus";
        /// <summary>GraphQL type of Organization.customerRelation.</summary>
        public const string RelationType = "CustomerRelation";
        /// <summary>The list query of coworkers.</summary>
        public const string CoworkersField = "coworkers";
        public static readonly MutationSpec SetDealStatus = new MutationSpec("setDealStatus", "id", "status", DealStatusType + "!");
        public static readonly MutationSpec SetDealResponsibleCoworker = new MutationSpec("setDealResponsibleCoworker", "id", "coworkerId", IdType);
        public static readonly MutationSpec SetOrganizationRelation = new MutationSpec("setOrganizationRelation", "id", "relation", RelationType + "!");
        public static readonly MutationSpec SetOrganizationResponsibleCoworker = new MutationSpec("setOrganizationResponsibleCoworker", "id", "coworkerId", IdType);
        // -----------------------------------------------------------------------------------------------------------

        private const string CoworkerFields = "id name email phoneNumber";
        private const string CustomFieldFields = "title type value";

        public const string DealFields =
            "id name customerName status source tags responsibleCoworker { " + CoworkerFields + " } customFields { " + CustomFieldFields + " } customer { id name }";

        public const string OrganizationFields =
            "id name city email phoneNumber organizationNumber integrationId temperature customerRelation tags responsibleCoworker { " +
            CoworkerFields + " } customFields { " + CustomFieldFields + " }";

        public const string Deal = "query Deal($id: " + IdType + ") { deal(id: $id) { " + DealFields + " } }";

        public const string Deals =
            "query Deals($query: String!, $first: Int, $offset: Int) { deals(query: $query, first: $first, offset: $offset) { " + DealFields + " } }";

        public const string Organization = "query Organization($id: " + IdType + ") { organization(id: $id) { " + OrganizationFields + " } }";

        public const string Organizations =
            "query Organizations($query: String!, $first: Int, $offset: Int) { organizations(query: $query, first: $first, offset: $offset) { " +
            OrganizationFields + " } }";

        public const string Coworkers =
            "query Coworkers($query: String!, $first: Int, $offset: Int) { " + CoworkersField + "(query: $query, first: $first, offset: $offset) { " +
            CoworkerFields + " } }";

        /// <summary>The account's deal statuses, when Deal.status is an enum and introspection is allowed.</summary>
        public const string DealStatusValues = "query DealStatusValues { __type(name: \"" + DealStatusType + "\") { kind enumValues { name } } }";

        /// <summary>A cheap, side-effect-free request that proves the key works (Connect-LimeGo).</summary>
        public const string Ping = "query Ping { __typename }";

        /// <summary>
        /// One mutation document applying <paramref name="changes"/> in order to the object <c>$id</c> (root fields of
        /// a mutation run one after another); the last field returns <paramref name="resultFields"/>, and its alias is "result".
        /// </summary>
        public static string Mutation(string operationName, IReadOnlyList<MutationSpec> changes, string resultFields)
        {
            var text = new StringBuilder("mutation ").Append(operationName).Append("($id: ").Append(IdType);
            for (var i = 0; i < changes.Count; i++) text.Append(", $v").Append(i).Append(": ").Append(changes[i].ValueType);
            text.Append(") {");
            for (var i = 0; i < changes.Count; i++)
            {
                var spec = changes[i];
                var last = i == changes.Count - 1;
                text.Append(' ').Append(last ? "result" : "step" + i).Append(": ").Append(spec.Field)
                    .Append('(').Append(spec.IdArgument).Append(": $id, ").Append(spec.ValueArgument).Append(": $v").Append(i).Append(") { ")
                    .Append(last ? resultFields : "id").Append(" }");
            }
            return text.Append(" }").ToString();
        }

        /// <summary>The variable names <see cref="Mutation"/> uses for each change's value.</summary>
        public static string ValueVariable(int index) => "v" + index;
    }
}
