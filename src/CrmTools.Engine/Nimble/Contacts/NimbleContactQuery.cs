using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.Nimble.Contacts
{
    /// <summary>
    /// The search of GET /api/v1/contacts (and /contacts/ids, and the bulk delete), checked against the documented
    /// rules before anything is sent:
    /// <list type="bullet">
    /// <item>record_type is person, company or all;</item>
    /// <item>the advanced <c>query</c> is JSON: terms <c>{"field": {"operator": value}}</c> joined by and/or/not, with the
    /// documented operators, at most 11 terms;</item>
    /// <item>query cannot be combined with keyword (409, code 245); the record type then becomes a "record type" term.</item>
    /// </list>
    /// </summary>
    public sealed class NimbleContactQuery
    {
        public static readonly IReadOnlyList<string> RecordTypes = new[] { "person", "company", "all" };

        public static readonly IReadOnlyList<string> Operators = new[]
        {
            "contain", "not_contain", "starts_with", "is", "is_not", "is_empty", "in", "gt", "gte", "lt", "lte", "range", "in_the_last",
        };

        public const int MaxTerms = 11;

        /// <summary>Simple search over every indexed field.</summary>
        public string? Keyword { get; set; }

        /// <summary>The advanced query: a dictionary tree (hashtables and lists) or JSON text.</summary>
        public object? Query { get; set; }

        /// <summary>Contacts carrying any of these tags (sent as "tag" terms of the query).</summary>
        public IReadOnlyList<string>? Tags { get; set; }

        /// <summary>person, company or all.</summary>
        public string? RecordType { get; set; }

        /// <summary>Only these fields in the answer.</summary>
        public IReadOnlyList<string>? Fields { get; set; }

        public string? SortBy { get; set; }

        public bool Descending { get; set; }

        /// <summary>The query as JSON, or null; throws <see cref="CrmValidationException"/> for what the service would refuse.</summary>
        public JsonNode? BuildQuery()
        {
            if (RecordType != null && !RecordTypes.Contains(RecordType, StringComparer.Ordinal))
            {
                throw new CrmValidationException("Nimble", "RecordType", $"'{RecordType}' is not a record type. Allowed: {string.Join(", ", RecordTypes)}.");
            }
            var terms = new List<JsonNode>();
            if (Query != null)
            {
                var node = Query is string text ? NimbleJson.Parse(text, "Query") : NimbleJson.ToNode(Query);
                if (node is not JsonObject) throw new CrmValidationException("Nimble", "Query", "-Query must be one term or an and/or/not group: a hashtable such as @{ 'first name' = @{ is = 'Ann' } }.");
                terms.Add(node);
            }
            if (Tags != null && Tags.Count > 0)
            {
                var tagTerms = Tags.Select(t => (JsonNode)new JsonObject { ["tag"] = new JsonObject { ["is"] = t } }).ToList();
                terms.Add(tagTerms.Count == 1 ? tagTerms[0] : new JsonObject { ["or"] = new JsonArray(tagTerms.ToArray()) });
            }
            if (terms.Count == 0) return null;
            if (!string.IsNullOrEmpty(Keyword))
            {
                throw new CrmValidationException("Nimble", "Keyword", "-Keyword cannot be combined with -Query or -Tag (Nimble answers 409: \"You can specify either `keyword` or `query` parameter, not both!\").");
            }
            if (RecordType != null && RecordType != "all")
            {
                terms.Add(new JsonObject { ["record type"] = new JsonObject { ["is"] = RecordType } });
            }
            var query = terms.Count == 1 ? terms[0] : new JsonObject { ["and"] = new JsonArray(terms.ToArray()) };
            var count = CountTerms(query, "Query");
            if (count > MaxTerms)
            {
                throw new CrmValidationException("Nimble", "Query", $"The query has {count} terms; Nimble accepts at most {MaxTerms}.");
            }
            return query;
        }

        /// <summary>Adds keyword/query/record_type/fields/sort to a request.</summary>
        internal void AddTo(CrmRequest request, bool forDelete = false)
        {
            var query = BuildQuery();
            if (query != null) request.AddQuery("query", NimbleJson.ToText(query));
            else
            {
                request.AddQuery("keyword", string.IsNullOrEmpty(Keyword) ? null : Keyword);
                if (RecordType != null) request.AddQuery("record_type", RecordType);
            }
            if (forDelete) return;
            if (Fields != null && Fields.Count > 0) request.AddQuery("fields", string.Join(",", Fields));
            if (!string.IsNullOrWhiteSpace(SortBy)) request.AddQuery("sort", SortBy!.Trim() + ":" + (Descending ? "desc" : "asc"));
        }

        /// <summary>Checks the query for a bulk delete: valid, and selecting something (none would delete every contact).</summary>
        public void ValidateForDelete()
        {
            BuildQuery();
            if (!SelectsSomething)
            {
                throw new CrmValidationException("Nimble", "Query", "Give -Query, -Tag, -Keyword or -RecordType person|company: deleting without a selection would delete every contact.");
            }
        }

        /// <summary>Whether anything selects contacts (a bulk delete without any would empty the account).</summary>
        internal bool SelectsSomething => Query != null || (Tags != null && Tags.Count > 0) || !string.IsNullOrEmpty(Keyword) ||
                                          (RecordType != null && RecordType != "all");

        private static int CountTerms(JsonNode node, string parameter)
        {
            if (node is JsonArray array) return array.Sum(n => n == null ? 0 : CountTerms(n, parameter));
            if (node is not JsonObject obj || obj.Count != 1)
            {
                throw new CrmValidationException("Nimble", parameter, "Each query term must have exactly one key: a field name, or and/or/not.");
            }
            var pair = obj.First();
            if (pair.Key == "and" || pair.Key == "or")
            {
                if (pair.Value is not JsonArray) throw new CrmValidationException("Nimble", parameter, $"'{pair.Key}' must hold a list of terms.");
                return CountTerms(pair.Value, parameter);
            }
            if (pair.Key == "not") return pair.Value == null ? 0 : CountTerms(pair.Value, parameter);
            if (pair.Value is not JsonObject condition || condition.Count != 1)
            {
                throw new CrmValidationException("Nimble", parameter, $"The term for '{pair.Key}' must be {{ operator = value }}, e.g. @{{ '{pair.Key}' = @{{ contain = 'x' }} }}.");
            }
            var op = condition.First().Key;
            if (!Operators.Contains(op, StringComparer.Ordinal))
            {
                throw new CrmValidationException("Nimble", parameter, $"'{op}' (for '{pair.Key}') is not a search operator. Allowed: {string.Join(", ", Operators)}.");
            }
            return 1;
        }
    }
}
