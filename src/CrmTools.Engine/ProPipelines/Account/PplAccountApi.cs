using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmTools.Engine.Errors;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.Engine.ProPipelines
{
    /// <summary>The account's structure: pipelines, categories, predefined tags, fields, activities.</summary>
    public sealed class PplAccountApi : PplApiBase
    {
        public static readonly IReadOnlyList<string> FieldParentTypes = new[] { "lead", "client" };

        /// <summary>The documented field types (custom1..5 are not in the starter edition).</summary>
        public static readonly IReadOnlyList<string> FieldTypes = new[]
        {
            "unset", "email", "phone", "mobile", "address", "web", "first_name", "last_name", "full_name", "job", "fax", "vat",
            "city", "zipcode", "state", "country", "company_id", "custom1", "custom2", "custom3", "custom4", "custom5",
        };

        public const int MaxFieldNameLength = 32;

        internal PplAccountApi(PplConnection connection) : base(connection) { }

        public Task<IReadOnlyList<PplPipeline>> ListPipelinesAsync(CancellationToken cancellationToken) =>
            GetListAsync("pipelines", "Pipeline", PplJsonContext.Default.ListPplPipeline, cancellationToken);

        public Task<IReadOnlyList<PplCategory>> ListCategoriesAsync(bool includeTags, CancellationToken cancellationToken) =>
            GetListAsync("categories", "Category", PplJsonContext.Default.ListPplCategory, cancellationToken,
                q => q.AddQuery("include_tags", includeTags ? "true" : null));

        /// <summary>POST /category (singular, as documented).</summary>
        public Task<PplCategory> CreateCategoryAsync(string name, CancellationToken cancellationToken) =>
            SendAsync(Post, "category", "Category", new PplJsonBody().Add("name", Required("Name", name)), PplJsonContext.Default.PplCategory, cancellationToken);

        public Task<IReadOnlyList<PplPredefinedTag>> ListPredefinedTagsAsync(CancellationToken cancellationToken) =>
            GetListAsync("predefined_tags", "PredefinedTag", PplJsonContext.Default.ListPplPredefinedTag, cancellationToken);

        public Task<PplPredefinedTag> CreatePredefinedTagAsync(string name, long categoryId, CancellationToken cancellationToken) =>
            SendAsync(Post, "predefined_tags", "Category", new PplJsonBody().Add("name", Required("Name", name)).Add("category_id", categoryId),
                PplJsonContext.Default.PplPredefinedTag, cancellationToken);

        /// <summary>GET /fields, optionally only the lead or client ones.</summary>
        public Task<IReadOnlyList<PplField>> ListFieldsAsync(string? parentType, CancellationToken cancellationToken)
        {
            var type = PplRules.CheckSet("Type", parentType, FieldParentTypes);
            return GetListAsync("fields", "Field", PplJsonContext.Default.ListPplField, cancellationToken, q => q.AddQuery("type", type));
        }

        public Task<PplField> CreateFieldAsync(string name, string parentType, string? type, bool? isKey, CancellationToken cancellationToken)
        {
            var trimmed = Required("Name", name);
            if (trimmed.Length > MaxFieldNameLength)
            {
                throw new CrmValidationException("Ppl", "Name", $"A field name has at most {MaxFieldNameLength} characters; '{trimmed}' has {trimmed.Length}.");
            }
            var body = new PplJsonBody()
                .Add("name", trimmed)
                .Add("parent_type", PplRules.CheckSet("ParentType", Required("ParentType", parentType), FieldParentTypes))
                .Add("type", PplRules.CheckSet("Type", type, FieldTypes))
                .Add("is_key", isKey);
            return SendAsync(Post, "fields", "Field", body, PplJsonContext.Default.PplField, cancellationToken);
        }

        public Task<IReadOnlyList<PplActivity>> ListActivitiesAsync(CancellationToken cancellationToken) =>
            GetListAsync("activities", "Activity", PplJsonContext.Default.ListPplActivity, cancellationToken);

        internal static string Required(string parameter, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new CrmValidationException("Ppl", parameter, $"-{parameter} cannot be empty.");
            return value!.Trim();
        }
    }
}
