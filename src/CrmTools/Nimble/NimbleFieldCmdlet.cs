using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Fields;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>
    /// Base of the contact-field and pipeline-field commands: the fields metadata and the pipeline list are read once
    /// per command (not once per piped item) and read again after a write changed them.
    /// </summary>
    public abstract class NimbleFieldCmdlet : NimbleCmdlet
    {
        private NimbleContactFieldLayout? _contactLayout;
        private NimblePipelineFieldLayout? _pipelineLayout;
        private IReadOnlyList<NimblePipeline>? _pipelines;

        protected bool TryContactLayout(object? target, out NimbleContactFieldLayout layout)
        {
            if (_contactLayout == null)
            {
                var connection = ActiveConnection;
                if (!TryRun(target, ct => connection.ContactFields.GetLayoutAsync(ct), out var read))
                {
                    layout = null!;
                    return false;
                }
                _contactLayout = read;
            }
            layout = _contactLayout;
            return true;
        }

        protected bool TryPipelineLayout(object? target, out NimblePipelineFieldLayout layout)
        {
            layout = null!;
            if (_pipelineLayout == null)
            {
                var connection = ActiveConnection;
                if (!TryPipelines(target, out var pipelines) || !TryRun(target, ct => connection.PipelineFields.GetLayoutAsync(ct), out var read)) return false;
                read.NamePipelines(pipelines);
                _pipelineLayout = read;
            }
            layout = _pipelineLayout;
            return true;
        }

        /// <summary>A pipeline by name or id.</summary>
        protected bool TryPipeline(string pipeline, out NimblePipeline found)
        {
            found = null!;
            if (!TryPipelines(pipeline, out var pipelines)) return false;
            NimblePipeline? p = null;
            if (!TryInvoke(pipeline, () => p = NimblePipelineResolution.FindPipeline(pipelines, pipeline))) return false;
            found = p!;
            return true;
        }

        /// <summary>After a write: the next item reads the metadata again.</summary>
        protected void Changed()
        {
            _contactLayout = null;
            _pipelineLayout = null;
        }

        /// <summary>Writes a pipeline field or group with its pipeline's name.</summary>
        protected void WritePipelineObject(NimblePipelineField? field)
        {
            if (field == null) return;
            if (_pipelines != null) NamePipeline(field.PipelineId, n => field.PipelineName = n);
            WriteObject(field);
        }

        protected void WritePipelineObject(NimblePipelineFieldGroup? group)
        {
            if (group == null) return;
            if (_pipelines != null) NamePipeline(group.PipelineId, n => group.PipelineName = n);
            WriteObject(group);
        }

        /// <summary>Wildcard patterns for a -Name/-Tab/-Group filter; null when not given.</summary>
        protected static List<WildcardPattern>? Patterns(params string[]? values) =>
            values == null ? null : System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(values, v => new WildcardPattern(v, WildcardOptions.IgnoreCase)));

        /// <summary>True without a filter, else when any pattern matches any of the values (a name or an id).</summary>
        protected static bool Matches(List<WildcardPattern>? patterns, params string?[] values) =>
            patterns == null || System.Linq.Enumerable.Any(patterns, p => System.Linq.Enumerable.Any(values, v => p.IsMatch(v ?? string.Empty)));

        /// <summary>Whether -DateOnly (or another switch) was given at all, and how: null when not given.</summary>
        protected bool? SwitchValue(string name, SwitchParameter value) => MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : (bool?)null;

        /// <summary>Finds each choice of a field by id or text and deletes it.</summary>
        protected void RemoveChoices(string fieldName, string? kind, IReadOnlyList<NimbleFieldChoice> existing, string[] choices, bool force, bool deleteValues,
            Func<string, CancellationToken, Task> delete)
        {
            foreach (var choice in choices)
            {
                NimbleFieldChoice? found = null;
                if (!TryInvoke(choice, () =>
                    {
                        CheckChoiceField(fieldName, kind);
                        found = NimbleChoices.Find(existing, choice, fieldName);
                    }))
                {
                    continue;
                }
                var action = deleteValues ? "Delete choice, and remove it from every record that holds it" : "Delete choice";
                if (!ShouldProcessOrForce(force, $"{fieldName} / {found!.Value}", action)) continue;
                if (TryRun(choice, ct => delete(found.Id, ct))) Changed();
            }
        }

        protected static void CheckChoiceField(string fieldName, string? kind)
        {
            if (kind != null && kind != "choice") throw new CrmValidationException("Nimble", "Field", $"The field '{fieldName}' is a {kind} field; only choice fields have choices.");
        }

        private bool TryPipelines(object? target, out IReadOnlyList<NimblePipeline> pipelines)
        {
            if (_pipelines == null)
            {
                var connection = ActiveConnection;
                if (!TryRun(target, ct => connection.Pipelines.ListAsync(ct), out var list))
                {
                    pipelines = null!;
                    return false;
                }
                _pipelines = list;
            }
            pipelines = _pipelines;
            return true;
        }

        private void NamePipeline(string? id, Action<string> set)
        {
            foreach (var p in _pipelines!)
            {
                if (p.PipelineId == id && p.Name != null) set(p.Name);
            }
        }
    }
}
