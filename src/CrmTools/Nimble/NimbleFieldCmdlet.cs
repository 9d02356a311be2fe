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

    /// <summary>Base of the commands that add or move a member: -After (name or id) or -AtStart; new members go last by default.</summary>
    public abstract class NimbleFieldPlacingCmdlet : NimbleFieldCmdlet
    {
        /// <summary>Name or id of the member the new or moved one follows.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Put it first.</summary>
        [Parameter]
        public SwitchParameter AtStart { get; set; }

        /// <summary>For a new member: after -After, first with -AtStart, else after <paramref name="last"/> (the container's last member).</summary>
        protected string? InsertAfterForNew(Func<string, string> resolve, string? last)
        {
            CheckPlacement();
            return AtStart ? null : After != null ? resolve(After) : last;
        }

        /// <summary>For a change: moved only when -After or -AtStart is given.</summary>
        protected NimbleOptionalId InsertAfterForChange(Func<string, string> resolve)
        {
            CheckPlacement();
            return AtStart ? NimbleOptionalId.Null : After != null ? NimbleOptionalId.Of(resolve(After)) : NimbleOptionalId.Unset;
        }

        /// <summary>For a move into another group or tab: where -After or -AtStart says, else after <paramref name="last"/> (the new container's last member).</summary>
        protected NimbleOptionalId InsertAfterForMove(Func<string, string> resolve, bool moved, string? last)
        {
            var given = InsertAfterForChange(resolve);
            if (given.IsSet || !moved) return given;
            return last == null ? NimbleOptionalId.Null : NimbleOptionalId.Of(last);
        }

        private void CheckPlacement()
        {
            if (AtStart && After != null) throw new CrmValidationException("Nimble", "AtStart", "Give -After or -AtStart, not both.");
        }
    }

    /// <summary>Base of the commands that create or change a field: how its values show (numbers and dates).</summary>
    public abstract class NimbleFieldShapeCmdlet : NimbleFieldPlacingCmdlet
    {
        /// <summary>Number fields: Integer, Decimal, Percentage or Financial.</summary>
        [Parameter]
        [ValidateSet("Integer", "Decimal", "Percentage", "Financial", IgnoreCase = true)]
        public string? NumberFormat { get; set; }

        /// <summary>Fraction digits of Decimal and Percentage numbers.</summary>
        [Parameter]
        [Alias("FractionDigits")]
        [ValidateRange(1, 10)]
        public int? Decimals { get; set; }

        /// <summary>ISO-4217 currency of Financial numbers.</summary>
        [Parameter]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public string? Currency { get; set; }

        /// <summary>A strftime-like format for DateTime fields (for example %d.%m.%Y).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DateFormat { get; set; }

        /// <summary>DateTime fields in the user's format: show the date without the time.</summary>
        [Parameter]
        public SwitchParameter DateOnly { get; set; }

        protected NimbleFieldPresentation Presentation() => new NimbleFieldPresentation
        {
            NumberFormat = NumberFormat,
            Decimals = Decimals,
            Currency = Currency,
            DateFormat = DateFormat,
            DateOnly = SwitchValue(nameof(DateOnly), DateOnly),
        };
    }

    /// <summary>Base of New-NimbleContactField and New-NimblePipelineField: name, kind, choices, group.</summary>
    public abstract class NimbleNewFieldCmdlet : NimbleFieldShapeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>What the field holds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FieldType")]
        [ValidateSet("String", "LongString", "Choice", "Number", "DateTime", "Boolean", "Address", "User", IgnoreCase = true)]
        public string Kind { get; set; } = "String";

        /// <summary>The choices of a Choice field, in order.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Choices")]
        public string[]? Choice { get; set; }

        /// <summary>Show the choices sorted alphabetically instead of in the given order.</summary>
        [Parameter]
        public SwitchParameter AlphabeticChoices { get; set; }

        /// <summary>String fields: values must be an e-mail address or a URL.</summary>
        [Parameter]
        [ValidateSet("Email", "Url", IgnoreCase = true)]
        public string? ValidationRule { get; set; }

        /// <summary>Name or id of the group the field goes into (default: none).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        protected NimbleFieldDefinition Definition() => new NimbleFieldDefinition
        {
            Kind = Kind,
            Choices = Choice,
            AlphabeticChoices = AlphabeticChoices,
            ValidationRule = ValidationRule,
            Presentation = Presentation(),
        };
    }
}
