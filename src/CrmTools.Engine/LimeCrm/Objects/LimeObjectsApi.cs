using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Diagnostics;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;
using CrmTools.Engine.Paging;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>The /limeobject/ endpoints, for any limetype. Values are shaped and checked by the limetype's metadata.</summary>
    public sealed class LimeObjectsApi
    {
        /// <summary>Objects per request unless asked otherwise.</summary>
        public const int DefaultPageSize = LimeCrmWire.DefaultPageSize;

        /// <summary>The most objects one request asks for.</summary>
        public const int MaxPageSize = LimeCrmWire.MaxPageSize;

        private const string Resource = "Object";

        private readonly LimeCrmConnection _connection;

        internal LimeObjectsApi(LimeCrmConnection connection) => _connection = connection;

        private CrmHttpClient Http => _connection.Http;

        /// <summary>GET /limeobject/{limetype}/{id}/.</summary>
        public async Task<LimeObject> GetAsync(string limetype, long id, CancellationToken cancellationToken)
        {
            var metadata = await _connection.Metadata.GetAsync(limetype, cancellationToken).ConfigureAwait(false);
            var request = LimeCrmWire.NewRequest(HttpMethod.Get, LimeCrmWire.ObjectPath(metadata.Name, id), Resource);
            var answer = await Http.SendJsonAsync(request, LimeCrmJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            return Read(request, answer, metadata);
        }

        /// <summary>GET /limeobject/{limetype}/ with filters and sort, streamed by following the next links.</summary>
        public ItemStream<LimeObject> List(LimeObjectQuery query, PageRequest paging, CancellationToken cancellationToken) =>
            List(query, paging, o => o, cancellationToken);

        /// <summary>As <see cref="List(LimeObjectQuery, PageRequest, CancellationToken)"/>, each object shaped by
        /// <paramref name="project"/> as its page arrives (off the caller's thread).</summary>
        public ItemStream<T> List<T>(LimeObjectQuery query, PageRequest paging, Func<LimeObject, T> project, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            if (paging == null) throw new ArgumentNullException(nameof(paging));
            if (project == null) throw new ArgumentNullException(nameof(project));
            CheckPageSize(paging.PageSize);
            LimeType? metadata = null;
            return LinkPager.Create<T>(paging,
                async (offset, limit, ct) =>
                {
                    metadata = await _connection.Metadata.GetAsync(query.Limetype, ct).ConfigureAwait(false);
                    return await FetchPageAsync(FirstPage(query, metadata, offset, limit), metadata, project, ct).ConfigureAwait(false);
                },
                (next, ct) => FetchPageAsync(NextPage(next), metadata!, project, ct),
                cancellationToken);
        }

        /// <summary>Checks and shapes a new object's values (unknown properties, types, options, lengths, required
        /// properties) and finds related objects given by a unique value. Sends nothing but lookups.</summary>
        public Task<LimeObjectChange> PrepareCreateAsync(string limetype, IDictionary values, CancellationToken cancellationToken) =>
            PrepareAsync(limetype, null, Entries(values), LimeValueUse.Write, cancellationToken);

        /// <summary>As <see cref="PrepareCreateAsync"/> for an update of the given properties of object <paramref name="id"/>.</summary>
        public Task<LimeObjectChange> PrepareUpdateAsync(string limetype, long id, IDictionary values, CancellationToken cancellationToken) =>
            PrepareAsync(limetype, id, Entries(values), LimeValueUse.Write, cancellationToken);

        /// <summary>Sends a prepared change: POST /limeobject/{limetype}/ or PUT /limeobject/{limetype}/{id}/. Returns the object as saved.</summary>
        public async Task<LimeObject> SaveAsync(LimeObjectChange change, CancellationToken cancellationToken)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            var request = change.IsCreate
                ? LimeCrmWire.NewRequest(HttpMethod.Post, LimeCrmWire.ObjectsPath(change.Limetype.Name), Resource)
                : LimeCrmWire.NewRequest(HttpMethod.Put, LimeCrmWire.ObjectPath(change.Limetype.Name, change.Id!.Value), Resource);
            request.WithJson(change.ToJson());
            var answer = await Http.SendJsonAsync(request, LimeCrmJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            return Read(request, answer, change.Limetype);
        }

        /// <summary>DELETE /limeobject/{limetype}/{id}/.</summary>
        public async Task DeleteAsync(string limetype, long id, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(limetype)) throw new CrmValidationException(LimeCrmWire.ServicePrefix, "Limetype", "Give a limetype name.");
            var request = LimeCrmWire.NewRequest(HttpMethod.Delete, LimeCrmWire.ObjectPath(limetype.Trim(), id), Resource);
            using (await Http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        /// <param name="filledLater">Relation properties whose ids are set after an earlier create (not missing when required).</param>
        internal async Task<LimeObjectChange> PrepareAsync(string limetype, long? id, IEnumerable<KeyValuePair<string, object?>> values,
            LimeValueUse use, CancellationToken cancellationToken, ICollection<string>? filledLater = null)
        {
            var metadata = await _connection.Metadata.GetAsync(limetype, cancellationToken).ConfigureAwait(false);
            var shaped = new List<KeyValuePair<LimeProperty, object?>>();
            foreach (var pair in values)
            {
                var property = metadata.FindProperty(pair.Key) ?? throw UnknownProperty(metadata, pair.Key);
                if (shaped.Any(s => s.Key == property))
                {
                    throw LimeValues.Error("DuplicateProperty", $"Lime CRM property '{property.QualifiedName}' is given twice.");
                }
                var value = LimeValues.Coerce(property, pair.Value, use);
                if (value == null && property.Required)
                {
                    throw LimeValues.Error("RequiredPropertyMissing", $"Lime CRM property '{property.QualifiedName}' is required and cannot be empty.");
                }
                shaped.Add(new KeyValuePair<LimeProperty, object?>(property, value));
            }
            if (id == null)
            {
                var missing = metadata.Properties
                    .Where(p => p.Required && p.IsWritable && !shaped.Any(s => s.Key == p) &&
                                !(filledLater?.Contains(p.Name, StringComparer.OrdinalIgnoreCase) ?? false))
                    .Select(p => p.Name).ToList();
                if (missing.Count > 0)
                {
                    throw LimeValues.Error("RequiredPropertyMissing", $"A new Lime CRM {metadata.Name} needs {string.Join(", ", missing)} " +
                        $"(required by the limetype).");
                }
            }
            for (var i = 0; i < shaped.Count; i++)
            {
                if (shaped[i].Value is LimeRelationLookup lookup)
                {
                    var related = await FindRelatedAsync(shaped[i].Key, lookup, cancellationToken).ConfigureAwait(false);
                    shaped[i] = new KeyValuePair<LimeProperty, object?>(shaped[i].Key, related);
                }
            }
            return new LimeObjectChange(metadata, id, shaped);
        }

        /// <summary>The first objects matching a query (one request, at most <paramref name="limit"/>).</summary>
        internal async Task<IReadOnlyList<LimeObject>> FindAsync(LimeObjectQuery query, int limit, CancellationToken cancellationToken)
        {
            var metadata = await _connection.Metadata.GetAsync(query.Limetype, cancellationToken).ConfigureAwait(false);
            var page = await FetchPageAsync(FirstPage(query, metadata, 0, limit), metadata, o => o, cancellationToken).ConfigureAwait(false);
            return page.Items;
        }

        /// <summary>The one object of a relation's limetype matching a unique value.</summary>
        private async Task<long> FindRelatedAsync(LimeProperty relation, LimeRelationLookup lookup, CancellationToken cancellationToken)
        {
            var related = await _connection.Metadata.GetAsync(lookup.Limetype, cancellationToken).ConfigureAwait(false);
            var query = new LimeObjectQuery(related.Name);
            if (lookup.NaturalKey != null)
            {
                var key = NaturalKey(related, lookup.NaturalKey) ?? throw LimeValues.Error("InvalidPropertyValue",
                    $"Lime CRM property '{relation.QualifiedName}' relates to a {related.Name}, which has no e-mail or name property to find " +
                    $"'{lookup.NaturalKey}' by. Give the id, the object, or @{{ property = 'unique value' }}.");
                query.Where(key, lookup.NaturalKey);
            }
            foreach (var criterion in lookup.Criteria) query.Where(criterion.Key, criterion.Value);
            var found = await FindAsync(query, 2, cancellationToken).ConfigureAwait(false);
            var what = lookup.NaturalKey != null ? $"{query.Filter!.Keys.Cast<object>().First()} = '{lookup.NaturalKey}'"
                : string.Join(" and ", lookup.Criteria.Select(c => $"{c.Key} = {LimeValues.Describe(c.Value)}"));
            if (found.Count == 0)
            {
                throw new CrmException(LimeCrmWire.ServicePrefix, CrmErrorKind.NotFound,
                    $"No Lime CRM {related.Name} has {what}, so '{relation.QualifiedName}' cannot be related to it.") { Resource = "RelatedObject" };
            }
            if (found.Count > 1)
            {
                throw new CrmException(LimeCrmWire.ServicePrefix, CrmErrorKind.Conflict,
                    $"More than one Lime CRM {related.Name} has {what}; '{relation.QualifiedName}' needs a unique value. Give the id instead.")
                { ErrorId = "RelatedObjectNotUnique" };
            }
            CrmLog.Verbose($"{relation.QualifiedName}: {what} is {found[0]}.");
            return found[0].Id;
        }

        /// <summary>A bare text finds a related object by its e-mail (when the text looks like one) or by its name.</summary>
        private static string? NaturalKey(LimeType related, string text)
        {
            if (text.IndexOf('@') > 0 && related.FindProperty("email") is LimeProperty email) return email.Name;
            return related.FindProperty("name")?.Name ?? related.FindProperty("email")?.Name;
        }

        private static CrmRequest FirstPage(LimeObjectQuery query, LimeType metadata, long offset, int limit)
        {
            var request = LimeCrmWire.NewRequest(HttpMethod.Get, LimeCrmWire.ObjectsPath(metadata.Name), Resource);
            foreach (var pair in query.ToQuery(metadata)) request.AddQuery(pair.Key, pair.Value);
            request.AddQuery(LimeCrmWire.LimitParameter, limit);
            if (offset > 0) request.AddQuery(LimeCrmWire.OffsetParameter, offset);
            return request;
        }

        /// <summary>
        /// The request for a next link. The link must stay on the API's own host and under its root: the API key
        /// goes with every request, so a link elsewhere is not followed.
        /// </summary>
        private CrmRequest NextPage(string next)
        {
            if (!Uri.TryCreate(Http.ApiBase, next, out var target) ||
                Uri.Compare(target, Http.ApiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0 ||
                !target.AbsolutePath.StartsWith(Http.ApiBase.AbsolutePath, StringComparison.Ordinal))
            {
                throw new CrmApiException(LimeCrmWire.ServicePrefix, CrmErrorKind.Protocol, "GET", Redactor.RedactUrl(next), 200,
                    $"The service's next-page link leads away from {Http.ApiBase}; it is not followed with the API key.", null) { Resource = Resource };
            }
            return LimeCrmWire.NewRequest(HttpMethod.Get, target.AbsoluteUri, Resource);
        }

        private async Task<LinkPage<T>> FetchPageAsync<T>(CrmRequest request, LimeType metadata, Func<LimeObject, T> project, CancellationToken cancellationToken)
        {
            var answer = await Http.SendJsonAsync(request, LimeCrmJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            var items = new List<T>();
            foreach (var element in LimeObjectReader.Items(answer)) items.Add(project(Read(request, element, metadata)));
            return new LinkPage<T>(items, LimeObjectReader.NextLink(answer));
        }

        private LimeObject Read(CrmRequest request, JsonElement element, LimeType metadata)
        {
            try
            {
                return LimeObjectReader.Read(element, metadata);
            }
            catch (JsonException ex)
            {
                throw new CrmApiException(LimeCrmWire.ServicePrefix, CrmErrorKind.Protocol, request.Method.Method,
                    Redactor.RedactUrl(request.BuildUri(Http.ApiBase)), 200, "The service answered with a limeobject this module could not read: " + ex.Message, null, ex)
                { Resource = Resource };
            }
        }

        private static CrmValidationException UnknownProperty(LimeType metadata, string name) =>
            new CrmValidationException(LimeCrmWire.ServicePrefix, "Property",
                name.StartsWith("_", StringComparison.Ordinal)
                    ? $"'{name}' is a system field of Lime CRM limetype '{metadata.Name}' and cannot be set."
                    : $"Lime CRM limetype '{metadata.Name}' has no property '{name}'. Properties that can be set: {metadata.WritableNames}.")
            { ErrorId = "UnknownProperty" };

        private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            foreach (DictionaryEntry entry in values)
            {
                yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty, entry.Value);
            }
        }

        private static void CheckPageSize(int pageSize)
        {
            if (pageSize < 1 || pageSize > LimeCrmWire.MaxPageSize)
            {
                throw new CrmValidationException(LimeCrmWire.ServicePrefix, "PageSize", $"PageSize must be between 1 and {LimeCrmWire.MaxPageSize}.");
            }
        }
    }
}
