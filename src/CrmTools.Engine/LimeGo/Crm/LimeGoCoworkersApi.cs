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
    /// <summary>The account's coworkers, so a responsible coworker can be given by id, e-mail or name.</summary>
    public sealed class LimeGoCoworkersApi
    {
        private readonly LimeGoConnection _connection;

        internal LimeGoCoworkersApi(LimeGoConnection connection) => _connection = connection;

        /// <summary>The coworkers (those <paramref name="filter"/> accepts, when given), streamed page by page.</summary>
        public ItemStream<LimeGoCoworker> List(PageRequest paging, Func<LimeGoCoworker, bool>? filter, CancellationToken cancellationToken) =>
            GraphQLPager.Create(paging, filter, FetchPageAsync, cancellationToken);

        /// <summary>Every coworker in one list (for resolving names; accounts have tens to hundreds of them).</summary>
        public async Task<IReadOnlyList<LimeGoCoworker>> GetAllAsync(CancellationToken cancellationToken)
        {
            var all = new List<LimeGoCoworker>();
            using var stream = List(new PageRequest { PageSize = LimeGoGraphQLDocuments.MaxPageSize }, null, cancellationToken);
            while (await stream.MoveNextAsync().ConfigureAwait(false)) all.Add(stream.Current);
            return all;
        }

        /// <summary>
        /// The one coworker that <paramref name="idEmailOrName"/> names: an id, an e-mail address, or a full name
        /// (case-insensitive). None is LimeGo.CoworkerNotFound; several is a validation error asking for the e-mail or id.
        /// </summary>
        public async Task<LimeGoCoworker> ResolveAsync(string idEmailOrName, string parameter, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(idEmailOrName))
            {
                throw new CrmValidationException(LimeGoConnection.ServicePrefix, parameter, "Give the coworker's id, e-mail address or name.");
            }
            var all = await GetAllAsync(cancellationToken).ConfigureAwait(false);
            var matches = all.Where(c => Matches(c, idEmailOrName)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count == 0)
            {
                throw new CrmException(LimeGoConnection.ServicePrefix, CrmErrorKind.NotFound,
                    $"No coworker has the id, e-mail address or name '{idEmailOrName}'.") { Resource = "Coworker" };
            }
            throw new CrmValidationException(LimeGoConnection.ServicePrefix, parameter,
                $"'{idEmailOrName}' names {matches.Count} coworkers ({string.Join(", ", matches.Select(m => m.Email ?? m.Name))}); give the e-mail address or id.");
        }

        /// <summary>True when <paramref name="coworker"/> has the id, e-mail address or full name given.</summary>
        public static bool Matches(LimeGoCoworker? coworker, string idEmailOrName)
        {
            if (coworker == null) return false;
            var text = idEmailOrName.Trim();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return coworker.Id == id;
            if (text.IndexOf('@') > 0) return string.Equals(coworker.Email, text, StringComparison.OrdinalIgnoreCase);
            return string.Equals(coworker.Name, text, StringComparison.OrdinalIgnoreCase);
        }

        private async Task<List<LimeGoCoworker>> FetchPageAsync(long offset, int first, CancellationToken cancellationToken)
        {
            var variables = new Dictionary<string, object?> { ["query"] = string.Empty, ["first"] = first, ["offset"] = offset };
            return await _connection.GraphQL.ExecuteAsync(LimeGoGraphQLDocuments.Coworkers, variables, LimeGoGraphQLDocuments.CoworkersField,
                LimeGoJsonContext.Default.ListLimeGoCoworker, cancellationToken).ConfigureAwait(false) ?? new List<LimeGoCoworker>();
        }
    }
}
