using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.ProPipelines
{
    /// <summary>The account's structure: steps, pipelines, categories, predefined tags, fields, activities.</summary>
    internal static class PplAccountApi
    {
        private static readonly string[] FieldTypes =
        {
            "unset", "email", "phone", "mobile", "address", "web", "first_name", "last_name", "full_name", "job", "fax", "vat",
            "city", "zipcode", "state", "country", "company_id", "custom1", "custom2", "custom3", "custom4", "custom5",
        };

        public static void Register(PplRouter r)
        {
            r.Get("steps", ListSteps);
            r.Get("steps/{id}", GetStep);
            r.Get("pipelines", call => ServiceResponse.Json(200, PplJson.Array(call.State.Pipelines, p => PplJson.Pipeline(p))));
            r.Get("categories", ListCategories);
            r.Post("category", CreateCategory);
            r.Post("categories", CreateCategory); // the plural is what clients guess first
            r.Get("predefined_tags", call => ServiceResponse.Json(200, PplJson.Array(call.State.PredefinedTags, t => Tag(call.State, t))));
            r.Post("predefined_tags", CreateTag);
            r.Get("fields", ListFields);
            r.Post("fields", CreateField);
            r.Get("activities", call => ServiceResponse.Json(200, PplJson.Array(call.State.Activities, Activity)));
        }

        // Ordered by position within each pipeline, the default pipeline first.
        private static ServiceResponse ListSteps(PplCall call)
        {
            bool asc = call.Params.Ascending(true);
            var s = call.State;
            var steps = s.Steps
                .OrderBy(st => s.PipelineById(st.PipelineId)?.IsDefault == true ? 0 : 1)
                .ThenBy(st => st.PipelineId).ThenBy(st => st.Position).ToList();
            if (!asc) steps.Reverse();
            return ServiceResponse.Json(200, PplJson.Array(steps, st => PplJson.Step(s, st)));
        }

        private static ServiceResponse GetStep(PplCall call)
        {
            var step = call.State.FindStep(call.RouteText("id")) ?? throw PplError.NotFound();
            return ServiceResponse.Json(200, PplJson.Step(call.State, step));
        }

        private static ServiceResponse ListCategories(PplCall call)
        {
            bool withTags = call.Params.GetBool("include_tags") ?? false;
            var s = call.State;
            return ServiceResponse.Json(200, PplJson.Array(s.Categories, c =>
            {
                var o = Category(c);
                o.Remove("position");
                if (withTags) o["supertags"] = PplJson.Array(s.PredefinedTags.Where(t => t.CategoryId == c.Id), t => Tag(s, t));
                return o;
            }));
        }

        private static ServiceResponse CreateCategory(PplCall call)
        {
            call.RequireAdmin();
            var name = call.Params.Require("name").Trim();
            var s = call.State;
            if (s.Categories.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw PplError.AlreadyExists("A category with this name already exists");
            var category = new PplCategory { Id = s.NextId("category"), Name = name, CreatedAt = s.Now, UpdatedAt = s.Now };
            s.Categories.Add(category);
            return ServiceResponse.Json(201, Category(category));
        }

        private static ServiceResponse CreateTag(PplCall call)
        {
            call.RequireAdmin();
            var p = call.Params;
            var name = p.Require("name").Trim();
            int categoryId = p.GetInt("category_id") ?? throw PplError.Missing("category_id");
            var s = call.State;
            if (!s.Categories.Exists(c => c.Id == categoryId)) throw PplError.NotRecognized("category_id");
            if (s.PredefinedTags.Exists(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw PplError.AlreadyExists("A predefined tag with this name already exists");
            var tag = new PplPredefinedTag { Id = s.NextId("tag"), Name = name, CategoryId = categoryId, CreatedAt = s.Now };
            s.PredefinedTags.Add(tag);
            return ServiceResponse.Json(201, Tag(s, tag));
        }

        private static ServiceResponse ListFields(PplCall call)
        {
            var type = call.Params.GetNonEmpty("type")?.Trim().ToLowerInvariant();
            if (type != null && type != "lead" && type != "client") throw PplError.NotRecognized("type");
            var fields = call.State.Fields.Where(f => type == null || f.ParentType == type);
            return ServiceResponse.Json(200, PplJson.Array(fields, f => Field(f, withKey: false)));
        }

        private static ServiceResponse CreateField(PplCall call)
        {
            call.RequireAdmin();
            var p = call.Params;
            var name = p.Require("name").Trim();
            if (name.Length > 32) throw PplError.BadParameter("Parameter [name] should not exceed 32 characters.");
            var parent = p.Require("parent_type").Trim().ToLowerInvariant();
            if (parent != "lead" && parent != "client") throw PplError.NotRecognized("parent_type");
            var type = p.GetNonEmpty("type")?.Trim().ToLowerInvariant() ?? "unset";
            if (Array.IndexOf(FieldTypes, type) < 0) throw PplError.NotRecognized("type");
            var s = call.State;
            var field = new PplField
            {
                Id = s.NextId("field"), Name = name, Type = type, ParentType = parent, IsKey = p.GetBool("is_key") ?? false,
                Position = s.Fields.Count(f => f.ParentType == parent) + 1, CreatedAt = s.Now, UpdatedAt = s.Now,
            };
            s.Fields.Add(field);
            return ServiceResponse.Json(201, Field(field, withKey: true));
        }

        private static JsonObject Category(PplCategory c) => new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["is_required"] = c.IsRequired,
            ["updated_at"] = PplDates.Format(c.UpdatedAt),
            ["created_at"] = PplDates.Format(c.CreatedAt),
            ["position"] = null,
        };

        private static JsonObject Tag(PplState s, PplPredefinedTag t) => new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["category"] = s.Categories.Find(c => c.Id == t.CategoryId)?.Name,
            ["created_at"] = PplDates.Format(t.CreatedAt),
            ["position"] = null,
        };

        private static JsonObject Field(PplField f, bool withKey)
        {
            var o = new JsonObject
            {
                ["id"] = f.Id,
                ["name"] = f.Name,
                ["type"] = f.Type,
                ["parent_type"] = f.ParentType,
                ["position"] = f.Position,
            };
            if (withKey) o["is_key"] = f.IsKey;
            o["created_at"] = PplDates.Format(f.CreatedAt);
            o["updated_at"] = PplDates.Format(f.UpdatedAt);
            return o;
        }

        private static JsonNode Activity(PplActivity a) => new JsonObject
        {
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["icon"] = a.Icon,
            ["parent_id"] = a.ParentId,
            ["color"] = a.Color,
            ["kind"] = a.Kind,
            ["is_disabled"] = a.IsDisabled,
            ["position"] = null,
        };
    }
}
