using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace CrmTools.Sandbox.Tests;

/// <summary>Nimble's contact fields management and pipeline custom fields, over HTTP.</summary>
public class NimbleFieldsTests
{
    private const string InfoTab = "5049f696a694620a07000030";
    private const string LeadDetails = "5049f696a694620a07000033";
    private const string LeadStatus = "5049f697a694620a0700008d";

    private static HttpClient Client(CrmSandbox sb)
    {
        var c = new HttpClient { BaseAddress = sb.Nimble.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sb.Nimble.IssueTokens().AccessToken);
        return c;
    }

    private static IEnumerable<JsonElement> Fields(JsonElement tab) =>
        tab.GetProperty("members").EnumerateArray().SelectMany(m => m.GetProperty("type").GetString() == "group" ? m.GetProperty("fields").EnumerateArray().ToArray() : new[] { m });

    private static string[] MemberIds(JsonElement tab) =>
        tab.GetProperty("members").EnumerateArray().Select(m => m.GetProperty(m.GetProperty("type").GetString() == "group" ? "group_id" : "field_id").GetString()!).ToArray();

    private static object NewField(string name, string tabId, string? groupId = null, string? after = null, object? fieldType = null, object? presentation = null) => new Dictionary<string, object?>
    {
        ["name"] = name, ["tab_id"] = tabId, ["group_id"] = groupId, ["insert_after"] = after,
        ["field_type"] = fieldType ?? new { field_kind = "string" }, ["presentation"] = presentation ?? new { },
    };

    private static async Task<string> CreateTab(HttpClient c, string name)
    {
        var (status, tab, _) = await Http.Post(c, "api/v1/contacts/fields/tabs", new { tab_name = name, contact_types = new[] { "person", "company" }, insert_after = InfoTab });
        Assert.Equal(200, status);
        return tab.GetProperty("tab_id").GetString()!;
    }

    [Fact]
    public async Task Standard_catalog_is_served_and_guarded()
    {
        using var sb = CrmSandbox.Start();
        var c = Client(sb);
        var (status, json, _) = await Http.Get(c, "api/v1/contacts/fields");
        Assert.Equal(200, status);
        var info = json.GetProperty("tabs")[0];
        Assert.Equal(InfoTab, info.GetProperty("tab_id").GetString());
        Assert.Equal("person", info.GetProperty("contact_types").GetString());
        Assert.True(info.GetProperty("is_standard").GetBoolean());
        Assert.Equal("rearrange_only", info.GetProperty("available_actions").GetString());
        var lead = Fields(info).First(f => f.GetProperty("name").GetString() == "lead status");
        Assert.Equal("edit_choices_only", lead.GetProperty("available_actions").GetString());
        Assert.Equal(new[] { "Open", "Contacted", "Qualified", "Unqualified" },
            lead.GetProperty("field_type").GetProperty("values").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.Equal(3, Fields(info).Count(f => f.GetProperty("name").GetString() == "email"));
        Assert.Equal("view_only", Fields(info).First(f => f.GetProperty("name").GetString() == "email").GetProperty("available_actions").GetString());

        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/5049f697a694620a07000043", new { name = "given name" });
        Assert.Equal(409, status);
        Assert.Equal(245, json.GetProperty("code").GetInt32());
        Assert.Equal("5049f697a694620a07000043", json.GetProperty("errors").GetProperty("first name")[0].GetProperty("field_id").GetString());
        (status, _, _) = await Http.Delete(c, "api/v1/contacts/fields/5049f697a694620a07000043?preflight_checks=false");
        Assert.Equal(409, status);
        (status, _, _) = await Http.Delete(c, $"api/v1/contacts/fields/groups/{LeadDetails}?preflight_checks=false");
        Assert.Equal(409, status);
        (status, _, _) = await Http.Delete(c, $"api/v1/contacts/fields/tabs/{InfoTab}?preflight_checks=false");
        Assert.Equal(409, status);

        // A choice value outside the choices is refused per field.
        (status, json, _) = await Http.Post(c, "api/v1/contact", new { record_type = "person", fields = new Dictionary<string, object> { ["first name"] = new[] { new { value = "Ann", modifier = "" } }, ["lead status"] = new[] { new { value = "Hot", modifier = "" } } } });
        Assert.Equal(409, status);
        Assert.Equal(LeadStatus, json.GetProperty("errors").GetProperty("lead status")[0].GetProperty("field_id").GetString());
    }

    [Fact]
    public async Task Field_create_write_rename_move_and_delete()
    {
        using var sb = CrmSandbox.Start();
        var c = Client(sb);
        var tabId = await CreateTab(c, "Extra");

        // Validation: missing keys, bad presentation, unknown tab/group, bad insert_after.
        var (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", new { name = "X", tab_id = tabId });
        Assert.Equal(409, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("field_type", out _));
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("Score", tabId, fieldType: new { field_kind = "number" }, presentation: new { number_type = "decimal" }));
        Assert.Equal(409, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("presentation", out _));
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("X", "nope"));
        Assert.Equal(404, status);
        Assert.Equal("tab", json.GetProperty("object_type").GetString());
        Assert.Equal("nope", json.GetProperty("object_id").GetString());
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("X", tabId, groupId: "nogroup"));
        Assert.Equal(404, status);
        Assert.Equal("group", json.GetProperty("object_type").GetString());
        (status, _, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("X", tabId, after: "nothing"));
        Assert.Equal(409, status);
        (status, _, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("email", tabId));
        Assert.Equal(409, status);

        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("My field", tabId));
        Assert.Equal(200, status);
        Assert.Equal(tabId, json.GetProperty("tab_id").GetString());
        var field = Fields(json).Single();
        var fieldId = field.GetProperty("field_id").GetString()!;
        Assert.Equal("edit_all", field.GetProperty("available_actions").GetString());
        Assert.Equal("string", field.GetProperty("field_type").GetProperty("field_kind").GetString());
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("Score", tabId, after: fieldId,
            fieldType: new { field_kind = "number" }, presentation: new { number_type = "decimal", fraction_digits = 2 }));
        Assert.Equal(200, status);
        var scoreId = Fields(json).Single(f => f.GetProperty("name").GetString() == "Score").GetProperty("field_id").GetString()!;
        Assert.Equal(new[] { fieldId, scoreId }, MemberIds(json));

        // Written on a contact and read back.
        (status, json, _) = await Http.Post(c, "api/v1/contact", new { record_type = "person", fields = new Dictionary<string, object> { ["first name"] = new[] { new { value = "Ann", modifier = "" } }, ["My field"] = new[] { new { value = "x", modifier = "" } } } });
        Assert.Equal(200, status);
        var contactId = json.GetProperty("id").GetString()!;
        (status, json, _) = await Http.Get(c, "api/v1/contact/" + contactId);
        var value = json.GetProperty("resources")[0].GetProperty("fields").GetProperty("My field")[0];
        Assert.Equal("x", value.GetProperty("value").GetString());
        Assert.Equal(fieldId, value.GetProperty("field_id").GetString());

        // Rename follows into contacts; move first (insert_after null).
        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/" + fieldId, new { name = "Renamed" });
        Assert.Equal(200, status);
        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/" + scoreId, new Dictionary<string, object?> { ["insert_after"] = null });
        Assert.Equal(200, status);
        Assert.Equal(new[] { scoreId, fieldId }, MemberIds(json));
        (status, json, _) = await Http.Get(c, "api/v1/contact/" + contactId);
        Assert.Equal("x", json.GetProperty("resources")[0].GetProperty("fields").GetProperty("Renamed")[0].GetProperty("value").GetString());

        // Delete: required query, 406 on preflight, then false removes values.
        (status, json, _) = await Http.Delete(c, "api/v1/contacts/fields/" + fieldId);
        Assert.Equal(409, status);
        (status, json, _) = await Http.Delete(c, "api/v1/contacts/fields/" + fieldId + "?preflight_checks=true");
        Assert.Equal(406, status);
        var error = json.GetProperty("errors")[0];
        Assert.Equal("field_in_use", error.GetProperty("type").GetString());
        Assert.Equal(1, error.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Object, error.GetProperty("nse_query").ValueKind);
        (status, _, _) = await Http.Delete(c, "api/v1/contacts/fields/" + fieldId + "?preflight_checks=false");
        Assert.Equal(200, status);
        (status, json, _) = await Http.Get(c, "api/v1/contact/" + contactId);
        Assert.False(json.GetProperty("resources")[0].GetProperty("fields").TryGetProperty("Renamed", out _));
        (status, json, _) = await Http.Put(c, "api/v1/contact/" + contactId, new { fields = new Dictionary<string, object> { ["Renamed"] = new[] { new { value = "y", modifier = "" } } } });
        Assert.Equal(409, status);
        (status, json, _) = await Http.Delete(c, "api/v1/contacts/fields/" + fieldId + "?preflight_checks=false");
        Assert.Equal(404, status);
        Assert.Equal("field", json.GetProperty("object_type").GetString());
        Assert.Equal(fieldId, json.GetProperty("object_id").GetString());
    }

    [Fact]
    public async Task Groups_tabs_and_choices()
    {
        using var sb = CrmSandbox.Start();
        var c = Client(sb);
        var tabId = await CreateTab(c, "Extra");
        var (status, json, _) = await Http.Get(c, "api/v1/contacts/fields");
        Assert.Equal(new[] { InfoTab, tabId }, json.GetProperty("tabs").EnumerateArray().Select(t => t.GetProperty("tab_id").GetString()));
        Assert.Equal(2, json.GetProperty("tabs")[1].GetProperty("contact_types").GetArrayLength());

        // Tabs: rename, contact_types as a string, move first.
        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/tabs/" + tabId, new Dictionary<string, object?> { ["tab_name"] = "More", ["contact_types"] = "company", ["insert_after"] = null });
        Assert.Equal(200, status);
        Assert.Equal("More", json.GetProperty("tab_name").GetString());
        Assert.Equal("company", json.GetProperty("contact_types").GetString());
        (status, json, _) = await Http.Get(c, "api/v1/contacts/fields");
        Assert.Equal(tabId, json.GetProperty("tabs")[0].GetProperty("tab_id").GetString());

        // Groups: create (required keys), rename, field inside, delete deletes the fields.
        (status, _, _) = await Http.Post(c, "api/v1/contacts/fields/groups", new { name = "G", tab_id = tabId });
        Assert.Equal(409, status);
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields/groups", new Dictionary<string, object?> { ["name"] = "G", ["tab_id"] = tabId, ["logo_id"] = "logo", ["insert_after"] = null });
        Assert.Equal(200, status);
        var group = json.GetProperty("members")[0];
        var groupId = group.GetProperty("group_id").GetString()!;
        Assert.Equal("group", group.GetProperty("type").GetString());
        Assert.Equal("logo", group.GetProperty("logo_id").GetString());
        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/groups/" + groupId, new { name = "Group 2" });
        Assert.Equal(200, status);
        Assert.Equal("Group 2", json.GetProperty("members")[0].GetProperty("name").GetString());
        (status, json, _) = await Http.Post(c, "api/v1/contacts/fields", NewField("Tier", tabId, groupId: groupId,
            fieldType: new { field_kind = "choice", values = new { ordering_type = "ordinal", values = new[] { new { id = "a", value = "Gold" }, new { id = "b", value = "Silver" } } } }));
        Assert.Equal(200, status);
        var tier = json.GetProperty("members")[0].GetProperty("fields")[0];
        var tierId = tier.GetProperty("field_id").GetString()!;
        Assert.Equal("choice", tier.GetProperty("field_type").GetProperty("field_kind").GetString());

        // Choices: add (client id), duplicate refused, rename, move, delete with preflight.
        (status, json, _) = await Http.Post(c, $"api/v1/contacts/fields/{tierId}/choices", new { id = "c", value = "Bronze", insert_after = "b" });
        Assert.Equal(200, status);
        Assert.Equal(tabId, json.GetProperty("tab_id").GetString());
        (status, _, _) = await Http.Post(c, $"api/v1/contacts/fields/{tierId}/choices", new { id = "c", value = "Other", insert_after = "b" });
        Assert.Equal(409, status);
        (status, _, _) = await Http.Post(c, $"api/v1/contacts/fields/{tierId}/choices", new Dictionary<string, object?> { ["id"] = "d", ["value"] = "Gold", ["insert_after"] = null });
        Assert.Equal(409, status);
        (status, _, _) = await Http.Post(c, "api/v1/contacts/fields/5049f697a694620a07000043/choices", new Dictionary<string, object?> { ["id"] = "d", ["value"] = "X", ["insert_after"] = null });
        Assert.Equal(409, status);
        (status, json, _) = await Http.Post(c, "api/v1/contact", new { record_type = "person", fields = new Dictionary<string, object> { ["first name"] = new[] { new { value = "Bo", modifier = "" } }, ["Tier"] = new[] { new { value = "Silver", modifier = "" } } } });
        Assert.Equal(200, status);
        var contactId = json.GetProperty("id").GetString()!;
        (status, json, _) = await Http.Put(c, $"api/v1/contacts/fields/{tierId}/choices/b", new Dictionary<string, object?> { ["id"] = "b", ["value"] = "Platinum", ["insert_after"] = null });
        Assert.Equal(200, status);
        var tierNow = Fields(json.GetProperty("tabs")[0]).Single(f => f.GetProperty("field_id").GetString() == tierId);
        Assert.Equal(new[] { "Platinum", "Gold", "Bronze" }, tierNow.GetProperty("field_type").GetProperty("values").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        (status, json, _) = await Http.Get(c, "api/v1/contact/" + contactId);
        Assert.Equal("Platinum", json.GetProperty("resources")[0].GetProperty("fields").GetProperty("Tier")[0].GetProperty("value").GetString());
        (status, json, _) = await Http.Delete(c, $"api/v1/contacts/fields/{tierId}/choices/b?preflight_checks=true");
        Assert.Equal(406, status);
        Assert.Equal("choice_in_use", json.GetProperty("errors")[0].GetProperty("type").GetString());
        (status, json, _) = await Http.Delete(c, $"api/v1/contacts/fields/{tierId}/choices/b?preflight_checks=false");
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("tabs").ValueKind);
        (status, json, _) = await Http.Get(c, "api/v1/contact/" + contactId);
        Assert.False(json.GetProperty("resources")[0].GetProperty("fields").TryGetProperty("Tier", out _));
        (status, json, _) = await Http.Delete(c, $"api/v1/contacts/fields/{tierId}/choices/b?preflight_checks=false");
        Assert.Equal(404, status);
        Assert.Equal("choice", json.GetProperty("object_type").GetString());
        // lead status takes choice edits.
        (status, _, _) = await Http.Post(c, $"api/v1/contacts/fields/{LeadStatus}/choices", new { id = "5", value = "Nurturing", insert_after = "4" });
        Assert.Equal(200, status);

        // Group delete: preflight, then the group and its fields go.
        await Http.Put(c, "api/v1/contact/" + contactId, new { fields = new Dictionary<string, object> { ["Tier"] = new[] { new { value = "Gold", modifier = "" } } } });
        (status, _, _) = await Http.Delete(c, $"api/v1/contacts/fields/groups/{groupId}?preflight_checks=true");
        Assert.Equal(406, status);
        (status, _, _) = await Http.Delete(c, $"api/v1/contacts/fields/groups/{groupId}?preflight_checks=false");
        Assert.Equal(200, status);
        (status, json, _) = await Http.Get(c, "api/v1/contacts/fields");
        Assert.Equal(0, json.GetProperty("tabs")[0].GetProperty("members").GetArrayLength());
        (status, json, _) = await Http.Put(c, "api/v1/contacts/fields/groups/" + groupId, new { name = "again" });
        Assert.Equal(404, status);
        Assert.Equal("group", json.GetProperty("object_type").GetString());

        // Tab delete.
        (status, _, _) = await Http.Delete(c, $"api/v1/contacts/fields/tabs/{tabId}?preflight_checks=true");
        Assert.Equal(200, status);
        (status, json, _) = await Http.Get(c, "api/v1/contacts/fields");
        Assert.Equal(1, json.GetProperty("tabs").GetArrayLength());
    }

    [Fact]
    public async Task Pipeline_fields_groups_choices_and_deal_values()
    {
        using var sb = CrmSandbox.Start();
        var c = Client(sb);
        var (status, json, _) = await Http.Get(c, "api/v2/deals/fields");
        Assert.Equal(200, status);
        Assert.Equal(new[] { "name", "amount", "probability", "description", "expected_close_date" },
            json.GetProperty("standard_fields").EnumerateArray().Select(f => f.GetProperty("field_name").GetString()));
        var tab = json.GetProperty("pipelines_tabs")[0];
        var pipelineId = tab.GetProperty("pipeline_id").GetString()!;
        Assert.Equal(0, tab.GetProperty("members").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(tab.GetProperty("tab_id").GetString()));

        (status, json, _) = await Http.Post(c, "api/v2/deals/pipelines/nope/fields", new { name = "X", field_type = new { field_kind = "string" }, presentation = (object?)null });
        Assert.Equal(404, status);
        Assert.Equal("pipeline", json.GetProperty("object_type").GetString());
        (status, _, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/fields", new { name = "X", field_type = new { field_kind = "string" } });
        Assert.Equal(409, status);
        (status, _, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/fields", new { name = "amount", field_type = new { field_kind = "string" }, presentation = (object?)null });
        Assert.Equal(409, status);

        (status, json, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/fields", new
        {
            name = "Region", presentation = (object?)null, insert_after = (string?)null,
            field_type = new { field_kind = "choice", values = new { ordering_type = "ordinal", values = new[] { new { id = "1", value = "EMEA" }, new { id = "2", value = "APAC" } } } },
        });
        Assert.Equal(201, status);
        var member = json.GetProperty("pipelines_tabs")[0].GetProperty("members")[0];
        Assert.Equal("field", member.GetProperty("type").GetString());
        Assert.Equal(pipelineId, member.GetProperty("pipeline_id").GetString());
        var f = member.GetProperty("field");
        var regionId = f.GetProperty("field_id").GetString()!;
        Assert.Equal("Region", f.GetProperty("field_name").GetString());
        Assert.Equal("choice", f.GetProperty("field_type").GetString());
        Assert.Equal("", f.GetProperty("modifier").GetString());
        Assert.Equal("edit_all", f.GetProperty("available_actions").GetString());
        Assert.Equal(2, f.GetProperty("values").GetProperty("values").GetArrayLength());

        // Update: rename.
        (status, json, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}", new { name = "Area" });
        Assert.Equal(200, status);
        Assert.Equal("Area", json.GetProperty("pipelines_tabs")[0].GetProperty("members")[0].GetProperty("field").GetProperty("field_name").GetString());

        // Choices.
        (status, json, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices", new { choice = new { id = "3", value = "AMER" }, insert_after = "2" });
        Assert.Equal(201, status);
        (status, _, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices", new { choice = new { id = "9", value = "AMER" }, insert_after = "2" });
        Assert.Equal(409, status);
        (status, json, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices/3", new { value = "Americas", insert_after = (string?)null });
        Assert.Equal(200, status);
        var values = json.GetProperty("pipelines_tabs")[0].GetProperty("members")[0].GetProperty("field").GetProperty("values").GetProperty("values");
        Assert.Equal(new[] { "Americas", "EMEA", "APAC" }, values.EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        (status, json, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices/77", new { value = "x" });
        Assert.Equal(404, status);
        Assert.Equal("choice", json.GetProperty("object_type").GetString());

        // Deal values: by name, checked against the choices, shown by id and by name.
        (status, json, _) = await Http.Get(c, "api/v2/deals/pipelines/" + pipelineId);
        var stageId = json.GetProperty("stages")[0].GetProperty("stage_id").GetString()!;
        (status, json, _) = await Http.Post(c, "api/v2/deals", new { pipeline_id = pipelineId, stage_id = stageId, fields_values = new Dictionary<string, object> { ["name"] = new[] { new { value = "D" } }, ["Area"] = new[] { new { value = "Mars" } } } });
        Assert.Equal(409, status);
        Assert.Equal(regionId, json.GetProperty("errors").GetProperty("Area")[0].GetProperty("field_id").GetString());
        (status, json, _) = await Http.Post(c, "api/v2/deals", new { pipeline_id = pipelineId, stage_id = stageId, fields_values = new Dictionary<string, object> { ["name"] = new[] { new { value = "D" } }, ["Area"] = new[] { new { value = "EMEA" } }, ["legacy key"] = new[] { new { value = "kept" } } } });
        Assert.Equal(200, status);
        var dealId = json.GetProperty("deal_id").GetString()!;
        Assert.Equal("EMEA", json.GetProperty("fields_values").GetProperty(regionId)[0].GetProperty("value").GetString());
        Assert.Equal("EMEA", json.GetProperty("fields_values_with_names").GetProperty("Area")[0].GetProperty("value").GetString());
        Assert.Equal("kept", json.GetProperty("fields_values_with_names").GetProperty("legacy key")[0].GetProperty("value").GetString());

        // Choice and field deletes: 406 when used and preflight, else the values go.
        (status, json, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices/1", new { preflight_checks = true });
        Assert.Equal(406, status);
        Assert.Equal("choice_in_use", json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
        (status, _, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}/choices/2", new { preflight_checks = true });
        Assert.Equal(200, status);
        await Http.Put(c, "api/v2/deals/" + dealId, new { fields_values = new Dictionary<string, object> { [regionId] = new[] { new { value = "Americas" } } } });
        (status, json, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}", new { preflight_checks = true });
        Assert.Equal(406, status);
        Assert.Equal("field_in_use", json.GetProperty("type").GetString());
        (status, _, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}", new { preflight_checks = false });
        Assert.Equal(200, status);
        (status, json, _) = await Http.Get(c, "api/v2/deals/" + dealId);
        Assert.False(json.GetProperty("fields_values").TryGetProperty(regionId, out _));
        (status, json, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{regionId}", new { preflight_checks = false });
        Assert.Equal(404, status);
        Assert.Equal("field", json.GetProperty("object_type").GetString());

        // Groups with fields; move a field out; update and delete the group.
        (status, json, _) = await Http.Post(c, $"api/v2/deals/pipelines/{pipelineId}/groups", new
        {
            group_name = "Budget", logo_id = "money", insert_after = (string?)null,
            fields = new object[]
            {
                new { name = "Cost", field_type = new { field_kind = "number" }, presentation = new { number_type = "financial", currency = "USD" } },
                new { name = "Approved", field_type = new { field_kind = "boolean" }, presentation = (object?)null },
            },
        });
        Assert.Equal(201, status);
        var group = json.GetProperty("pipelines_tabs")[0].GetProperty("members")[0];
        Assert.Equal("group", group.GetProperty("type").GetString());
        Assert.Equal("Budget", group.GetProperty("group_name").GetString());
        Assert.Equal("money", group.GetProperty("logo_id").GetString());
        var groupId = group.GetProperty("group_id").GetString()!;
        Assert.Equal(new[] { "Cost", "Approved" }, group.GetProperty("fields").EnumerateArray().Select(x => x.GetProperty("field").GetProperty("field_name").GetString()));
        var approvedId = group.GetProperty("fields")[1].GetProperty("field").GetProperty("field_id").GetString()!;
        (status, json, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/fields/{approvedId}", new Dictionary<string, object?> { ["group_id"] = null, ["insert_after"] = groupId });
        Assert.Equal(200, status);
        var members = json.GetProperty("pipelines_tabs")[0].GetProperty("members");
        Assert.Equal(2, members.GetArrayLength());
        Assert.Equal(approvedId, members[1].GetProperty("field").GetProperty("field_id").GetString());
        (status, json, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/groups/{groupId}", new { group_name = "Money", insert_after = approvedId });
        Assert.Equal(200, status);
        members = json.GetProperty("pipelines_tabs")[0].GetProperty("members");
        Assert.Equal("Money", members[1].GetProperty("group_name").GetString());
        (status, _, _) = await Http.Put(c, $"api/v2/deals/pipelines/{pipelineId}/groups/{groupId}", new { insert_after = "nothing" });
        Assert.Equal(409, status);
        (status, _, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/groups/{groupId}");
        Assert.Equal(200, status);
        (status, json, _) = await Http.Delete(c, $"api/v2/deals/pipelines/{pipelineId}/groups/{groupId}");
        Assert.Equal(404, status);
        Assert.Equal("group", json.GetProperty("object_type").GetString());
        (status, json, _) = await Http.Get(c, "api/v2/deals/fields");
        Assert.Equal(1, json.GetProperty("pipelines_tabs")[0].GetProperty("members").GetArrayLength());

        // A pipeline created through the API gets an empty tab.
        (status, json, _) = await Http.Post(c, "api/v2/deals/pipelines", new { name = "New", description = "d", color = "#000000", lost_reasons = Array.Empty<string>(), stages = Array.Empty<object>(), fields_tab_members = Array.Empty<object>(), default_currency = "USD" });
        Assert.Equal(201, status);
        var newId = json.GetProperty("pipeline_id").GetString()!;
        (status, json, _) = await Http.Get(c, "api/v2/deals/fields");
        var newTab = json.GetProperty("pipelines_tabs").EnumerateArray().Single(t => t.GetProperty("pipeline_id").GetString() == newId);
        Assert.Equal(0, newTab.GetProperty("members").GetArrayLength());
        (status, _, _) = await Http.Post(c, $"api/v2/deals/pipelines/{newId}/fields", new { name = "Note", field_type = new { field_kind = "long_string" }, presentation = (object?)null });
        Assert.Equal(201, status);
    }
}
