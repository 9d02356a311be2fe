using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmTools.Sandbox.Hosting;

namespace CrmTools.Sandbox.Nimble
{
    /// <summary>
    /// Contacts (api/v1): list and search (keyword, or the advanced query: field terms with contain, not_contain,
    /// starts_with, is, is_not, is_empty, in, gt/gte/lt/lte, joined by and/or/not, at most 11 terms), ids, get
    /// by ids (at most 30), create and update with the field/modifier model and its validation errors, delete one,
    /// delete by query, tags. Also tasks.
    /// </summary>
    internal static class NimbleContactsApi
    {
        private const int MaxTerms = 11;

        public static void Register(NimbleService service)
        {
            service.Map("GET", "api/v1/contacts", List);
            service.Map("GET", "api/v1/contacts/ids", Ids);
            service.Map("DELETE", "api/v1/contacts", DeleteMany);
            service.Map("GET", "api/v1/contact", GetMany);
            service.Map("POST", "api/v1/contact", Create);
            service.Map("GET", "api/v1/contact/{id}", GetOne);
            service.Map("PUT", "api/v1/contact/{id}", Update);
            service.Map("DELETE", "api/v1/contact/{id}", Delete);
            service.Map("PUT", "api/v1/contact/{id}/field", c => MarkPrimary(c, true));
            service.Map("DELETE", "api/v1/contact/{id}/field", c => MarkPrimary(c, false));
            service.Map("PUT", "api/v1/contacts/{id}/tags", SetTags);
            service.Map("POST", "api/v1/tasks", CreateTask);
        }

        private static ServiceResponse List(NimbleCall call)
        {
            var (page, perPage, found) = Search(call);
            var fields = call.Query("fields")?.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
            var resources = new JsonArray(found.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode?)ContactJson(call.State, c, fields)).ToArray());
            return ServiceResponse.Json(200, new JsonObject { ["meta"] = Meta(page, perPage, found.Count), ["resources"] = resources });
        }

        private static ServiceResponse Ids(NimbleCall call)
        {
            var (page, perPage, found) = Search(call);
            var resources = new JsonArray(found.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode?)JsonValue.Create(c.Id)).ToArray());
            return ServiceResponse.Json(200, new JsonObject { ["meta"] = Meta(page, perPage, found.Count), ["resources"] = resources });
        }

        private static ServiceResponse GetMany(NimbleCall call)
        {
            var ids = (call.Query("id") ?? "").Split(',').Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
            if (ids.Count == 0) throw NimbleError.Validation("id is required");
            if (ids.Count > 30) throw NimbleError.Validation("Too many ids: at most 30 contacts per request.");
            var found = ids.Select(call.State.Contact).Where(c => c != null).Select(c => c!).ToList();
            if (found.Count == 0) throw NimbleError.NotFound("contact", ids[0]);
            var fields = call.Query("fields")?.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
            return ServiceResponse.Json(200, new JsonObject
            {
                ["resources"] = new JsonArray(found.Select(c => (JsonNode?)ContactJson(call.State, c, fields)).ToArray()),
            });
        }

        private static ServiceResponse GetOne(NimbleCall call)
        {
            var c = Find(call);
            return ServiceResponse.Json(200, new JsonObject { ["resources"] = new JsonArray(ContactJson(call.State, c, null)) });
        }

        private static ServiceResponse Create(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            var type = NimbleService.Text(body["record_type"]) ?? NimbleService.Text(body["type"]) ?? "person";
            if (type != "person" && type != "company") throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["record_type"] = "Must be person or company." });
            if (body["fields"] is not JsonObject fieldsJson) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["fields"] = "fields is required." });
            var fields = ReadFields(state, fieldsJson);
            var errors = new Dictionary<string, string>();
            if (type == "person" && !HasValue(fields, "first name") && !HasValue(fields, "last name"))
            {
                errors["first name"] = "First name or last name field is required for person and should not be empty";
            }
            if (type == "company" && !HasValue(fields, "company name")) errors["company name"] = "Company name is required for company and should not be empty";
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors, state.FieldCatalog.IdOf);
            var tags = SplitTags(NimbleService.Text(body["tags"]));
            if (tags.Count > 5) throw NimbleError.Validation("Maximum 5 tags are allowed during contact creation.");
            if (state.ContactLimit.HasValue && state.Contacts.Count >= state.ContactLimit.Value)
            {
                throw NimbleError.Quota("You have created the maximum number of contact records allowed for your subscription.\nDon't worry, you can upgrade your account and add more contacts right now.");
            }
            var c = NimbleSeeder.NewContact(state, type, DateTimeOffset.UtcNow);
            foreach (var f in fields) c.Set(f.Key, f.Value);
            c.Tags.AddRange(tags);
            if (body["owner_id"] is JsonValue owner && owner.TryGetValue<string>(out var ownerId)) c.OwnerId = ownerId;
            return ServiceResponse.Json(200, ContactJson(state, c, null));
        }

        private static ServiceResponse Update(NimbleCall call)
        {
            var c = Find(call);
            var body = call.Json();
            var replace = call.Query("type") == "1" || call.Query("replace") == "1";
            if (body["fields"] is JsonObject fieldsJson)
            {
                foreach (var f in ReadFields(call.State, fieldsJson, allowEmpty: true))
                {
                    var definition = call.State.FieldCatalog.Find(f.Key)!;
                    if (replace || !definition.Multiples)
                    {
                        c.Set(f.Key, f.Value);
                    }
                    else
                    {
                        var values = new List<NimbleValue>(c.Get(f.Key) ?? new List<NimbleValue>());
                        foreach (var v in f.Value) if (!values.Any(x => x.Value == v.Value && x.Modifier == v.Modifier)) values.Add(v);
                        c.Set(f.Key, values);
                    }
                }
                if (c.RecordType == "person" && c.First("first name").Length == 0 && c.First("last name").Length == 0)
                {
                    throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["first name"] = "First name or last name field is required for person and should not be empty" }, call.State.FieldCatalog.IdOf);
                }
            }
            c.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, ContactJson(call.State, c, null));
        }

        private static ServiceResponse Delete(NimbleCall call)
        {
            var c = Find(call);
            call.State.Contacts.Remove(c);
            return ServiceResponse.Json(200, new JsonObject());
        }

        // {"field_id", "position"}: the value at that position (0-based, in the contact's order) of that field; one primary per field.
        private static ServiceResponse MarkPrimary(NimbleCall call, bool primary)
        {
            var c = Find(call);
            var body = call.Json();
            var fieldId = NimbleService.Text(body["field_id"]);
            var errors = new Dictionary<string, string>();
            if (fieldId == null) errors["field_id"] = "Missing data for required field.";
            if (body["position"] is not JsonValue p || !p.TryGetValue<int>(out var position) || position < 0) errors["position"] = "Must be an integer >= 0.";
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors);
            var field = call.State.FieldCatalog.AllFields.FirstOrDefault(f => f.Id == fieldId) ?? throw NimbleError.NotFound("field", fieldId!);
            var values = c.Get(field.Name);
            var at = ((JsonValue)body["position"]!).GetValue<int>();
            if (values == null || at >= values.Count) throw NimbleError.NotFound("field value", $"{fieldId}[{at}]");
            if (primary) foreach (var v in values) v.IsPrimary = false;
            values[at].IsPrimary = primary;
            return ServiceResponse.Json(200, new JsonObject());
        }

        private static ServiceResponse DeleteMany(NimbleCall call)
        {
            var found = Filter(call, forDelete: true);
            foreach (var c in found) call.State.Contacts.Remove(c);
            return ServiceResponse.Json(200, new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["ids"] = new JsonArray(found.Select(c => (JsonNode?)JsonValue.Create(c.Id)).ToArray()),
                    ["push_data"] = new JsonObject { ["action"] = "contacts_removed", ["object_type"] = "contact", ["created"] = NimbleService.Time(DateTimeOffset.UtcNow), ["is_new"] = true, ["id"] = call.State.NewToken(), ["object"] = new JsonObject() },
                },
                ["status"] = "ok",
            });
        }

        private static ServiceResponse SetTags(NimbleCall call)
        {
            var c = Find(call);
            var body = call.Json();
            if (body["tags"] == null) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["tags"] = "tags is required." });
            c.Tags = NimbleService.StringList(body["tags"], "tags").Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            c.Updated = DateTimeOffset.UtcNow;
            return ServiceResponse.Json(200, ContactJson(call.State, c, null));
        }

        private static ServiceResponse CreateTask(NimbleCall call)
        {
            var state = call.State;
            var body = call.Json();
            var subject = NimbleService.Text(body["subject"]);
            if (string.IsNullOrWhiteSpace(subject)) throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["subject"] = "subject is required." });
            if (body["related_to"] != null) throw NimbleError.Validation("related_to is not accepted: use related.contacts.");
            var task = new NimbleTaskRecord
            {
                Id = state.NewId("task"), Subject = subject!, DueDate = NimbleService.Text(body["due_date"]), Notes = NimbleService.Text(body["notes"]),
                IsImportant = body["is_important"] is JsonValue imp && imp.TryGetValue<bool>(out var b) && b, OwnerId = state.UserId,
                AssignedTo = NimbleService.Text(body["assigned_to"]), Tags = NimbleService.StringList(body["tags"], "tags"), Created = DateTimeOffset.UtcNow,
            };
            if (task.DueDate != null && !DateTimeOffset.TryParse(task.DueDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                throw NimbleError.Validation("Validation errors", new Dictionary<string, string> { ["due_date"] = "Can't parse value " + task.DueDate + " as DATE-TIME" });
            }
            if (body["related"] is JsonObject related)
            {
                task.ContactIds = NimbleService.StringList(related["contacts"], "related.contacts");
                task.DealIds = NimbleService.StringList(related["deals"], "related.deals");
                foreach (var id in task.ContactIds) if (state.Contact(id) == null) throw NimbleError.NotFound("contact", id);
                foreach (var id in task.DealIds) if (state.Deal(id) == null) throw NimbleError.NotFound("deal", id);
            }
            if (task.AssignedTo != null && task.AssignedTo != state.UserId) throw NimbleError.NotFound("user", task.AssignedTo);
            state.Tasks.Add(task);
            var user = call.Service.UserInfo();
            return ServiceResponse.Json(201, new JsonObject
            {
                ["id"] = task.Id, ["subject"] = task.Subject, ["notes"] = task.Notes, ["due_date"] = task.DueDate, ["due_date_text"] = task.DueDate,
                ["completed"] = false, ["completed_time"] = null, ["is_important"] = task.IsImportant, ["starred"] = false,
                ["owner_id"] = task.OwnerId, ["owner"] = user, ["assigned_to"] = task.AssignedTo != null ? call.Service.UserInfo() : null,
                ["company_id"] = state.CompanyId, ["comments"] = new JsonArray(), ["related_to"] = new JsonArray(),
                ["related"] = new JsonObject
                {
                    ["contacts"] = new JsonArray(task.ContactIds.Select(id => (JsonNode?)ShortContact(state.Contact(id)!)).ToArray()),
                    ["deals"] = new JsonArray(),
                    ["new_deals"] = new JsonArray(task.DealIds.Select(id => (JsonNode?)new JsonObject { ["deal_id"] = id, ["name"] = state.Deal(id)!.Name }).ToArray()),
                    ["sequence"] = null,
                },
                ["tags"] = new JsonArray(task.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["created"] = NimbleService.Time(task.Created), ["updated"] = NimbleService.Time(task.Created), ["version"] = 2,
            });
        }

        public static JsonObject ShortContact(NimbleContactRecord c) => new JsonObject
        {
            ["id"] = c.Id, ["name"] = c.DisplayName, ["contact_type"] = c.RecordType, ["avatar_url"] = "", ["is_viewable"] = true,
            ["email"] = new JsonArray((c.Get("email") ?? new List<NimbleValue>()).Select(v => (JsonNode?)JsonValue.Create(v.Value)).ToArray()),
            ["phones"] = new JsonArray((c.Get("phone") ?? new List<NimbleValue>()).Select(v => (JsonNode?)new JsonObject { ["label"] = v.Modifier, ["value"] = v.Value }).ToArray()),
        };

        public static JsonObject ContactJson(NimbleState state, NimbleContactRecord c, List<string>? only)
        {
            var fields = new JsonObject();
            foreach (var f in c.Fields)
            {
                if (only != null && !only.Contains(f.Key, StringComparer.OrdinalIgnoreCase)) continue;
                fields[f.Key] = new JsonArray(f.Value.Select(v => (JsonNode?)new JsonObject
                {
                    ["modifier"] = v.Modifier, ["value"] = v.Value, ["label"] = f.Key, ["field_id"] = state.FieldCatalog.IdOf(f.Key), ["is_primary"] = v.IsPrimary,
                }).ToArray());
            }
            return new JsonObject
            {
                ["id"] = c.Id,
                ["record_type"] = c.RecordType,
                ["object_type"] = "contact",
                ["fields"] = fields,
                ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)new JsonObject { ["tag"] = t, ["id"] = state.TagId(t) }).ToArray()),
                ["owner_id"] = c.OwnerId,
                ["creator"] = state.UserName,
                ["updater"] = state.UserName,
                ["created"] = NimbleService.Time(c.Created),
                ["updated"] = NimbleService.Time(c.Updated),
                ["avatar_url"] = null,
                ["children"] = new JsonArray(),
                ["privacy"] = new JsonObject { ["read"] = null, ["edit"] = null },
                ["last_contacted"] = null,
                ["company_last_contacted"] = null,
                ["is_important"] = new JsonObject(),
                ["reminder"] = null,
                ["notice"] = null,
            };
        }

        private static NimbleContactRecord Find(NimbleCall call)
        {
            var id = call.Route["id"];
            return call.State.Contact(id) ?? throw NimbleError.NotFound("contact", id);
        }

        private static JsonObject Meta(int page, int perPage, int total) => new JsonObject
        {
            ["page"] = page, ["pages"] = Math.Max(1, (total + perPage - 1) / perPage), ["per_page"] = perPage, ["total"] = total,
        };

        private static (int Page, int PerPage, List<NimbleContactRecord> Found) Search(NimbleCall call)
        {
            var sort = call.Query("sort");
            var page = call.IntQuery("page", 1, 1, int.MaxValue);
            var perPage = call.IntQuery("per_page", 30, 1, 100);
            var found = Filter(call, forDelete: false);
            if (sort != null)
            {
                var colon = sort.LastIndexOf(':');
                if (colon <= 0) throw NimbleError.Validation("Sort order is required: use field:asc or field:desc.");
                var field = sort.Substring(0, colon);
                var order = sort.Substring(colon + 1);
                if (order != "asc" && order != "desc") throw NimbleError.Validation("Sort order must be asc or desc.");
                Func<NimbleContactRecord, string> key = field switch
                {
                    "created" => c => NimbleService.Time(c.Created),
                    "updated" => c => NimbleService.Time(c.Updated),
                    "record type" => c => c.RecordType,
                    _ when call.State.FieldCatalog.Find(field) is NimbleFieldDef f && !f.Multiples => c => c.First(f.Name),
                    _ => throw NimbleError.Validation($"Can't sort by '{field}': only single-valued standard fields, created and updated are sortable."),
                };
                found = (order == "asc" ? found.OrderBy(key, StringComparer.OrdinalIgnoreCase) : found.OrderByDescending(key, StringComparer.OrdinalIgnoreCase)).ToList();
            }
            return (page, perPage, found);
        }

        private static List<NimbleContactRecord> Filter(NimbleCall call, bool forDelete)
        {
            var keyword = call.Request.Query.Where(p => p.Key == "keyword").Select(p => p.Value).Where(v => v.Length > 0).ToList();
            var query = call.Query("query");
            var recordType = call.Query("record_type") ?? "all";
            if (recordType != "all" && recordType != "person" && recordType != "company") throw NimbleError.Validation("record_type must be person, company or all.");
            if (query != null && keyword.Count > 0) throw NimbleError.Validation("You can specify either `keyword` or `query` parameter, not both!");
            if (query != null && call.Query("record_type") != null && !forDelete) throw NimbleError.Validation("You can specify either `record_type` or `query` parameter, not both!");
            IEnumerable<NimbleContactRecord> found = call.State.Contacts;
            if (query != null)
            {
                JsonNode? node;
                try
                {
                    node = JsonNode.Parse(query);
                }
                catch (JsonException ex)
                {
                    throw NimbleError.Validation("Invalid query: " + ex.Message);
                }
                if (node is not JsonObject) throw NimbleError.Validation("Invalid query: must be a JSON object.");
                var terms = CountTerms(node);
                if (terms > MaxTerms) throw NimbleError.Validation($"Query is too complex: at most {MaxTerms} terms are allowed.");
                found = found.Where(c => Matches(c, node));
            }
            else
            {
                if (recordType != "all") found = found.Where(c => c.RecordType == recordType);
                foreach (var k in keyword) found = found.Where(c => c.Fields.Any(f => f.Value.Any(v => v.Value.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0)) ||
                                                                c.Tags.Any(t => t.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0));
            }
            return found.ToList();
        }

        private static int CountTerms(JsonNode? node)
        {
            if (node is JsonArray a) return a.Sum(CountTerms);
            if (node is not JsonObject o || o.Count != 1) throw NimbleError.Validation("Invalid query: each term must have exactly one key.");
            var pair = o.First();
            if (pair.Key == "and" || pair.Key == "or")
            {
                if (pair.Value is not JsonArray) throw NimbleError.Validation($"Invalid query: '{pair.Key}' needs a list.");
                return CountTerms(pair.Value);
            }
            if (pair.Key == "not") return CountTerms(pair.Value);
            return 1;
        }

        private static bool Matches(NimbleContactRecord c, JsonNode? node)
        {
            if (node is JsonArray list) return list.All(n => Matches(c, n));
            var pair = ((JsonObject)node!).First();
            switch (pair.Key)
            {
                case "and": return ((JsonArray)pair.Value!).All(n => Matches(c, n));
                case "or": return ((JsonArray)pair.Value!).Any(n => Matches(c, n));
                case "not": return !Matches(c, pair.Value);
            }
            if (pair.Value is not JsonObject condition || condition.Count != 1) throw NimbleError.Validation($"Invalid query term for '{pair.Key}'.");
            var op = condition.First().Key;
            var operand = condition.First().Value;
            List<string> values = pair.Key.ToLowerInvariant() switch
            {
                "tag" => c.Tags,
                "record type" => new List<string> { c.RecordType },
                "created" => new List<string> { NimbleService.Time(c.Created) },
                "updated" => new List<string> { NimbleService.Time(c.Updated) },
                _ => (c.Get(pair.Key) ?? new List<NimbleValue>()).Select(v => v.Value).ToList(),
            };
            string Operand() => NimbleService.Text(operand) ?? "";
            switch (op)
            {
                case "contain": return values.Any(v => v.IndexOf(Operand(), StringComparison.OrdinalIgnoreCase) >= 0);
                case "not_contain": return !values.Any(v => v.IndexOf(Operand(), StringComparison.OrdinalIgnoreCase) >= 0);
                case "starts_with": return values.Any(v => v.StartsWith(Operand(), StringComparison.OrdinalIgnoreCase));
                case "is": return values.Any(v => string.Equals(v, Operand(), StringComparison.OrdinalIgnoreCase));
                case "is_not": return !values.Any(v => string.Equals(v, Operand(), StringComparison.OrdinalIgnoreCase));
                case "is_empty":
                    var empty = !(operand is JsonValue ev && ev.TryGetValue<bool>(out var flag)) || flag;
                    return empty == values.All(v => v.Length == 0);
                case "in":
                    var options = operand is JsonArray arr ? arr.Select(NimbleService.Text).ToList() : new List<string?> { Operand() };
                    return values.Any(v => options.Any(o => string.Equals(o, v, StringComparison.OrdinalIgnoreCase)));
                case "gt": return values.Any(v => Compare(v, Operand()) > 0);
                case "gte": return values.Any(v => Compare(v, Operand()) >= 0);
                case "lt": return values.Any(v => Compare(v, Operand()) < 0);
                case "lte": return values.Any(v => Compare(v, Operand()) <= 0);
                case "range":
                case "in_the_last":
                    throw NimbleError.Validation($"The sandbox does not emulate the '{op}' operator.");
                default:
                    throw NimbleError.Validation($"Unknown search operator '{op}'.");
            }
        }

        private static int Compare(string a, string b) =>
            decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

        // {"email": [{"value": "...", "modifier": "work"}]}: fields of the account's catalog, allowed modifiers, e-mail shape, choices.
        private static List<KeyValuePair<string, List<NimbleValue>>> ReadFields(NimbleState state, JsonObject json, bool allowEmpty = false)
        {
            var result = new List<KeyValuePair<string, List<NimbleValue>>>();
            var errors = new Dictionary<string, string>();
            foreach (var pair in json)
            {
                var field = state.FieldCatalog.Find(pair.Key);
                if (field == null)
                {
                    errors[pair.Key] = "Unknown field.";
                    continue;
                }
                var values = new List<NimbleValue>();
                if (pair.Value is not JsonArray array)
                {
                    errors[pair.Key] = "Field values must be a list of {value, modifier}.";
                    continue;
                }
                foreach (var item in array)
                {
                    if (item is not JsonObject o || NimbleService.Text(o["value"]) is not string value)
                    {
                        errors[pair.Key] = "Each value needs a 'value'.";
                        continue;
                    }
                    var modifier = NimbleService.Text(o["modifier"]) ?? "";
                    if (field.Modifiers.Length == 0 ? modifier.Length > 0 : !field.Modifiers.Contains(modifier, StringComparer.Ordinal))
                    {
                        errors[pair.Key] = field.Modifiers.Length == 0
                            ? $"The field '{field.Name}' has no modifiers."
                            : $"Invalid modifier '{modifier}'. Allowed: {string.Join(", ", field.Modifiers)}.";
                        continue;
                    }
                    if (field.Name == "email" && !value.Contains("@")) errors[pair.Key] = $"'{value}' is not a valid e-mail address.";
                    else if (field.Check(value) is string invalid) errors[pair.Key] = invalid;
                    values.Add(new NimbleValue(value, modifier));
                }
                if (!field.Multiples && values.Count > 1) errors[pair.Key] = $"The field '{field.Name}' holds one value.";
                if (values.Count == 0 && !allowEmpty && array.Count > 0) continue;
                result.Add(new KeyValuePair<string, List<NimbleValue>>(field.Name, values));
            }
            if (errors.Count > 0) throw NimbleError.Validation("Validation errors", errors, state.FieldCatalog.IdOf);
            return result;
        }

        private static bool HasValue(List<KeyValuePair<string, List<NimbleValue>>> fields, string name) =>
            fields.Any(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase) && f.Value.Any(v => v.Value.Trim().Length > 0));

        private static List<string> SplitTags(string? text)
        {
            var tags = new List<string>();
            if (string.IsNullOrEmpty(text)) return tags;
            var current = new System.Text.StringBuilder();
            for (int i = 0; i < text!.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length) current.Append(text[++i]);
                else if (text[i] == ',') { if (current.ToString().Trim().Length > 0) tags.Add(current.ToString().Trim()); current.Clear(); }
                else current.Append(text[i]);
            }
            if (current.ToString().Trim().Length > 0) tags.Add(current.ToString().Trim());
            return tags;
        }
    }
}
