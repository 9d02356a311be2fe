using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo.GraphQL;
using CrmTools.Engine.LimeGo.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.LimeGo
{
    /// <summary>What Get-LimeGoOrganization searches for. The service searches by text; the rest is filtered as pages arrive.</summary>
    public sealed class LimeGoOrganizationQuery
    {
        /// <summary>The service's search text (<c>organizations(query:)</c>); empty lists every organization.</summary>
        public string Query { get; set; } = string.Empty;

        /// <summary>Only organizations with one of these customer relations.</summary>
        public string[]? Relation { get; set; }

        /// <summary>Only organizations whose responsible coworker has this id, e-mail address or name.</summary>
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Only organizations carrying all of these tags.</summary>
        public string[]? Tag { get; set; }

        /// <summary>Only organizations in this city (case-insensitive).</summary>
        public string? City { get; set; }

        internal Func<LimeGoOrganization, bool>? Filter()
        {
            var relations = Relation?.Select(r => LimeGoVocabulary.CanonicalRelation(r, "Relation")).ToArray();
            if ((relations == null || relations.Length == 0) && ResponsibleCoworker == null && (Tag == null || Tag.Length == 0) && City == null) return null;
            return org =>
                (relations == null || relations.Length == 0 || relations.Any(r => string.Equals(r, org.Relation, StringComparison.OrdinalIgnoreCase))) &&
                (ResponsibleCoworker == null || LimeGoCoworkersApi.Matches(org.ResponsibleCoworker, ResponsibleCoworker)) &&
                (City == null || string.Equals(City.Trim(), org.City?.Trim(), StringComparison.OrdinalIgnoreCase)) &&
                LimeGoTags.HasAll(org.Tags, Tag);
        }
    }

    /// <summary>Organizations through GraphQL: by id, search, and changes of relation and responsible coworker.</summary>
    public sealed class LimeGoOrganizationsApi
    {
        private readonly LimeGoConnection _connection;

        internal LimeGoOrganizationsApi(LimeGoConnection connection) => _connection = connection;

        /// <summary><c>organization(id:)</c>; one that does not exist is LimeGo.OrganizationNotFound.</summary>
        public async Task<LimeGoOrganization> GetAsync(long id, CancellationToken cancellationToken)
        {
            var org = await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Organization, new Dictionary<string, object?> { ["id"] = id },
                "organization", LimeGoJsonContext.Default.LimeGoOrganization, cancellationToken).ConfigureAwait(false);
            return org ?? throw NotFound(id);
        }

        /// <summary><c>organizations(query:, first:, offset:)</c>, streamed page by page (at most 20 a page), filtered as pages arrive.</summary>
        public ItemStream<LimeGoOrganization> List(LimeGoOrganizationQuery query, PageRequest paging, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var text = query.Query ?? string.Empty;
            return GraphQLPager.Create(paging, query.Filter(), async (offset, first, ct) =>
            {
                var variables = new Dictionary<string, object?> { ["query"] = text, ["first"] = first, ["offset"] = offset };
                return await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Organizations, variables, "organizations",
                    LimeGoJsonContext.Default.ListLimeGoOrganization, ct).ConfigureAwait(false) ?? new List<LimeGoOrganization>();
            }, cancellationToken);
        }

        /// <summary>
        /// Changes the customer relation and/or responsible coworker of organization <paramref name="id"/> in one
        /// mutation and returns the organization as it is afterwards.
        /// </summary>
        public async Task<LimeGoOrganization> SetAsync(long id, string? relation, long? responsibleCoworkerId, CancellationToken cancellationToken)
        {
            if (relation == null && responsibleCoworkerId == null)
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, "Relation", "Give -Relation, -ResponsibleCoworker or both.");
            }
            var changes = new List<MutationSpec>();
            var variables = new Dictionary<string, object?> { ["id"] = id };
            if (relation != null)
            {
                variables[LimeGoGraphQLDocuments.ValueVariable(changes.Count)] = LimeGoVocabulary.CanonicalRelation(relation, "Relation");
                changes.Add(LimeGoGraphQLDocuments.SetOrganizationRelation);
            }
            if (responsibleCoworkerId != null)
            {
                variables[LimeGoGraphQLDocuments.ValueVariable(changes.Count)] = responsibleCoworkerId.Value;
                changes.Add(LimeGoGraphQLDocuments.SetOrganizationResponsibleCoworker);
            }
            var document = LimeGoGraphQLDocuments.Mutation("SetOrganization", changes, LimeGoGraphQLDocuments.OrganizationFields);
            var org = await _connection.GraphQL.ExecuteAsync(document, variables, "result", LimeGoJsonContext.Default.LimeGoOrganization, cancellationToken).ConfigureAwait(false);
            return org ?? throw NotFound(id);
        }

        private static CrmException NotFound(long id) =>
            new CrmException(LimeGoConnection.ServicePrefix, CrmErrorKind.NotFound, $"Organization {id.ToString(CultureInfo.InvariantCulture)} was not found.")
            { Resource = "Organization" };
    }
}
