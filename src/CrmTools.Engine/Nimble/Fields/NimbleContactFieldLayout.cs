using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>
    /// The account's contact fields as tabs, groups and fields (GET /api/v1/contacts/fields), with lookups by id or
    /// name and the positions new members go to. Read leniently: the write calls answer a single tab, the list call
    /// and the choice calls <c>{"tabs": [...]}</c>; contact_types may be a string or a list.
    /// </summary>
    public sealed class NimbleContactFieldLayout
    {
        private NimbleContactFieldLayout(List<NimbleContactFieldTab> tabs, List<NimbleContactFieldGroup> groups, List<NimbleContactField> fields)
        {
            Tabs = tabs;
            Groups = groups;
            Fields = fields;
        }

        public IReadOnlyList<NimbleContactFieldTab> Tabs { get; }
        public IReadOnlyList<NimbleContactFieldGroup> Groups { get; }

        /// <summary>One entry per field and modifier, in the order the service lists them.</summary>
        public IReadOnlyList<NimbleContactField> Fields { get; }

        /// <summary>A tab by id, else by name (case-insensitive).</summary>
        public NimbleContactFieldTab FindTab(string idOrName) =>
            NimbleFieldLookup.Find(Tabs, idOrName, t => t.TabId, t => t.Name, "contact field tab", "Tab", "ContactFieldTab");

        /// <summary>A group by id, else by name; within <paramref name="tab"/> when given.</summary>
        public NimbleContactFieldGroup FindGroup(string idOrName, NimbleContactFieldTab? tab = null) =>
            NimbleFieldLookup.Find(tab == null ? Groups : Groups.Where(g => g.TabId == tab.TabId).ToList(), idOrName, g => g.GroupId, g => g.Name, "contact field group", "Group", "ContactFieldGroup");

        /// <summary>A field by id, else by name (its first modifier entry).</summary>
        public NimbleContactField FindField(string idOrName) =>
            NimbleFieldLookup.Find(DistinctFields(), idOrName, f => f.FieldId, f => f.Name, "contact field", "Field", "ContactField");

        /// <summary>The id of any tab member (group or field) by id or name, for -After.</summary>
        public string FindMemberId(string idOrName, NimbleContactFieldTab tab)
        {
            var members = Groups.Where(g => g.TabId == tab.TabId).Select(g => (Id: g.GroupId, g.Name))
                .Concat(DistinctFields().Where(f => f.TabId == tab.TabId).Select(f => (Id: f.FieldId, f.Name))).ToList();
            return NimbleFieldLookup.Find(members, idOrName, m => m.Id, m => m.Name, $"field or group in the tab '{tab.Name}'", "After", "ContactField").Id!;
        }

        /// <summary>Where a member added without a position goes: after the last member of the group, else of the tab; null (first) when empty.</summary>
        public string? LastMemberId(NimbleContactFieldTab tab, NimbleContactFieldGroup? group) =>
            group != null ? group.FieldIds.LastOrDefault() : tab.MemberIds.LastOrDefault();

        public string? LastTabId => Tabs.LastOrDefault()?.TabId;

        private List<NimbleContactField> DistinctFields() =>
            Fields.GroupBy(f => f.FieldId ?? f.Name ?? string.Empty).Select(g => g.First()).ToList();

        /// <summary>Reads <c>{"tabs": [...]}</c>, a bare list of tabs or a single tab.</summary>
        public static NimbleContactFieldLayout Read(JsonElement root)
        {
            var tabs = new List<NimbleContactFieldTab>();
            var groups = new List<NimbleContactFieldGroup>();
            var fields = new List<NimbleContactField>();
            IEnumerable<JsonElement> tabElements =
                root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() :
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tabs", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() :
                root.ValueKind == JsonValueKind.Object ? new[] { root } : Enumerable.Empty<JsonElement>();
            foreach (var t in tabElements.Where(t => t.ValueKind == JsonValueKind.Object))
            {
                var types = NimbleFieldJson.Strings(t, "contact_types");
                var tab = new NimbleContactFieldTab
                {
                    TabId = NimbleFieldJson.Text(t, "tab_id") ?? NimbleFieldJson.Text(t, "id"),
                    Name = NimbleFieldJson.Text(t, "tab_name") ?? NimbleFieldJson.Text(t, "name"),
                    ContactTypes = types,
                    IsStandard = NimbleFieldJson.Bool(t, "is_standard"),
                    AvailableActions = NimbleFieldJson.Text(t, "available_actions"),
                };
                var tabGroups = new List<string>();
                var count = 0;
                foreach (var m in NimbleFieldJson.Members(t))
                {
                    if (NimbleFieldJson.IsGroup(m))
                    {
                        var group = new NimbleContactFieldGroup
                        {
                            GroupId = NimbleFieldJson.Text(m, "group_id") ?? NimbleFieldJson.Text(m, "id"),
                            Name = NimbleFieldJson.Text(m, "name") ?? NimbleFieldJson.Text(m, "group_name"),
                            LogoId = NimbleFieldJson.Text(m, "logo_id"),
                            TabId = tab.TabId,
                            Tab = tab.Name,
                            IsStandard = NimbleFieldJson.Bool(m, "is_standard"),
                        };
                        var names = new List<string>();
                        foreach (var f in NimbleFieldJson.Array(m, "fields"))
                        {
                            var field = Field(f, tab, group);
                            fields.Add(field);
                            count++;
                            if (field.FieldId != null && !group.FieldIds.Contains(field.FieldId)) group.FieldIds.Add(field.FieldId);
                            if (field.Name != null && !names.Contains(field.Name)) names.Add(field.Name);
                        }
                        group.Fields = names;
                        groups.Add(group);
                        tabGroups.Add(group.Name ?? string.Empty);
                        if (group.GroupId != null) tab.MemberIds.Add(group.GroupId);
                    }
                    else
                    {
                        var field = Field(m, tab, null);
                        fields.Add(field);
                        count++;
                        if (field.FieldId != null && !tab.MemberIds.Contains(field.FieldId)) tab.MemberIds.Add(field.FieldId);
                    }
                }
                tab.Groups = tabGroups;
                tab.FieldCount = count;
                tabs.Add(tab);
            }
            return new NimbleContactFieldLayout(tabs, groups, fields);
        }

        private static NimbleContactField Field(JsonElement f, NimbleContactFieldTab tab, NimbleContactFieldGroup? group)
        {
            var type = NimbleFieldJson.FieldType(f);
            return new NimbleContactField
            {
                Name = NimbleFieldJson.Text(f, "name") ?? NimbleFieldJson.Text(f, "field_name") ?? NimbleFieldJson.Text(f, "label"),
                FieldId = NimbleFieldJson.Text(f, "field_id") ?? NimbleFieldJson.Text(f, "id"),
                Modifier = NimbleFieldJson.Text(f, "modifier") ?? string.Empty,
                Kind = type.Kind,
                Multiples = NimbleFieldJson.Bool(f, "multiples"),
                ReadOnly = NimbleFieldJson.Bool(f, "read_only"),
                TabId = tab.TabId,
                Tab = tab.Name,
                GroupId = group?.GroupId,
                Group = group?.Name,
                ContactTypes = string.Join(", ", tab.ContactTypes),
                Choices = type.Choices,
                ValidationRule = type.ValidationRule,
                Presentation = NimbleFieldJson.Presentation(f),
                AvailableActions = NimbleFieldJson.Text(f, "available_actions"),
            };
        }
    }
}
