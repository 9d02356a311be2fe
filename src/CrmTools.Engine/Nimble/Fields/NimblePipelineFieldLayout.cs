using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Engine.Nimble.Fields
{
    /// <summary>
    /// Deal fields (GET /api/v2/deals/fields and every pipeline-field write): each pipeline's tab of custom fields and
    /// groups, and the standard deal fields. A field member is <c>{"type": "field", "field": {...}, "pipeline_id"}</c>
    /// in the spec; a flat member (the field's properties directly) is read too, and a tab's members may be a list or
    /// one object.
    /// </summary>
    public sealed class NimblePipelineFieldLayout
    {
        private readonly Dictionary<string, List<string>> _memberIds;

        private NimblePipelineFieldLayout(List<NimblePipelineField> fields, List<NimblePipelineFieldGroup> groups, List<NimblePipelineField> standard,
            Dictionary<string, List<string>> memberIds)
        {
            Fields = fields;
            Groups = groups;
            StandardFields = standard;
            _memberIds = memberIds;
        }

        /// <summary>The custom fields of every pipeline.</summary>
        public IReadOnlyList<NimblePipelineField> Fields { get; }

        public IReadOnlyList<NimblePipelineFieldGroup> Groups { get; }

        /// <summary>name, amount, probability, ...: the same for every pipeline.</summary>
        public IReadOnlyList<NimblePipelineField> StandardFields { get; }

        public NimblePipelineField FindField(string pipelineId, string idOrName) =>
            NimbleFieldLookup.Find(Fields.Where(f => f.PipelineId == pipelineId).ToList(), idOrName, f => f.FieldId, f => f.Name, "custom field of the pipeline", "Field", "PipelineField");

        public NimblePipelineFieldGroup FindGroup(string pipelineId, string idOrName) =>
            NimbleFieldLookup.Find(Groups.Where(g => g.PipelineId == pipelineId).ToList(), idOrName, g => g.GroupId, g => g.Name, "field group of the pipeline", "Group", "PipelineFieldGroup");

        /// <summary>The id of a member of the pipeline's tab (a field, in a group or not, or a group) by id or name, for -After.</summary>
        public string FindMemberId(string pipelineId, string idOrName)
        {
            var members = Groups.Where(g => g.PipelineId == pipelineId).Select(g => (Id: g.GroupId, g.Name))
                .Concat(Fields.Where(f => f.PipelineId == pipelineId).Select(f => (Id: f.FieldId, f.Name))).ToList();
            return NimbleFieldLookup.Find(members, idOrName, m => m.Id, m => m.Name, "field or group of the pipeline", "After", "PipelineField").Id!;
        }

        /// <summary>Where a member added without a position goes: after the group's last field, else the tab's last member; null (first) when empty.</summary>
        public string? LastMemberId(string pipelineId, NimblePipelineFieldGroup? group) =>
            group != null ? group.FieldIds.LastOrDefault() : _memberIds.TryGetValue(pipelineId, out var ids) ? ids.LastOrDefault() : null;

        /// <summary>Gives the pipelines' names (the tabs carry ids and a tab name).</summary>
        public void NamePipelines(IEnumerable<NimblePipeline> pipelines)
        {
            var names = pipelines.Where(p => p.PipelineId != null).GroupBy(p => p.PipelineId!).ToDictionary(g => g.Key, g => g.First().Name);
            foreach (var f in Fields) if (f.PipelineId != null && names.TryGetValue(f.PipelineId, out var n) && n != null) f.PipelineName = n;
            foreach (var g in Groups) if (g.PipelineId != null && names.TryGetValue(g.PipelineId, out var n) && n != null) g.PipelineName = n;
        }

        public static NimblePipelineFieldLayout Read(JsonElement root)
        {
            var fields = new List<NimblePipelineField>();
            var groups = new List<NimblePipelineFieldGroup>();
            var standard = new List<NimblePipelineField>();
            var memberIds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var tab in NimbleFieldJson.Array(root, "pipelines_tabs"))
            {
                var pipelineId = NimbleFieldJson.Text(tab, "pipeline_id") ?? string.Empty;
                var tabName = NimbleFieldJson.Text(tab, "tab_name");
                var ids = memberIds.TryGetValue(pipelineId, out var existing) ? existing : memberIds[pipelineId] = new List<string>();
                foreach (var m in NimbleFieldJson.Members(tab))
                {
                    if (NimbleFieldJson.IsGroup(m))
                    {
                        var group = new NimblePipelineFieldGroup
                        {
                            PipelineId = pipelineId,
                            PipelineName = tabName,
                            GroupId = NimbleFieldJson.Text(m, "group_id") ?? NimbleFieldJson.Text(m, "id"),
                            Name = NimbleFieldJson.Text(m, "group_name") ?? NimbleFieldJson.Text(m, "name"),
                            LogoId = NimbleFieldJson.Text(m, "logo_id"),
                        };
                        var names = new List<string>();
                        foreach (var f in NimbleFieldJson.Array(m, "fields"))
                        {
                            var field = Field(f, pipelineId, tabName, group);
                            fields.Add(field);
                            if (field.FieldId != null) group.FieldIds.Add(field.FieldId);
                            if (field.Name != null) names.Add(field.Name);
                        }
                        group.Fields = names;
                        groups.Add(group);
                        if (group.GroupId != null) ids.Add(group.GroupId);
                    }
                    else
                    {
                        var field = Field(m, pipelineId, tabName, null);
                        fields.Add(field);
                        if (field.FieldId != null) ids.Add(field.FieldId);
                    }
                }
            }
            foreach (var f in NimbleFieldJson.Array(root, "standard_fields"))
            {
                var field = Field(f, null, null, null);
                field.IsStandard = true;
                standard.Add(field);
            }
            return new NimblePipelineFieldLayout(fields, groups, standard, memberIds);
        }

        private static NimblePipelineField Field(JsonElement member, string? pipelineId, string? tabName, NimblePipelineFieldGroup? group)
        {
            var f = member.TryGetProperty("field", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : member;
            var type = NimbleFieldJson.FieldType(f);
            return new NimblePipelineField
            {
                PipelineId = NimbleFieldJson.Text(member, "pipeline_id") ?? pipelineId,
                PipelineName = tabName,
                FieldId = NimbleFieldJson.Text(f, "field_id") ?? NimbleFieldJson.Text(f, "id"),
                Name = NimbleFieldJson.Text(f, "field_name") ?? NimbleFieldJson.Text(f, "name"),
                Kind = type.Kind,
                Modifier = NimbleFieldJson.Text(f, "modifier") ?? string.Empty,
                Multiples = NimbleFieldJson.Bool(f, "multiples"),
                GroupId = group?.GroupId,
                Group = group?.Name,
                Choices = type.Choices,
                Presentation = NimbleFieldJson.Presentation(f),
                AvailableActions = NimbleFieldJson.Text(f, "available_actions"),
            };
        }
    }
}
