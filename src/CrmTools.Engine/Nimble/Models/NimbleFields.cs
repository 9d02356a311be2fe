using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace CrmTools.Engine.Nimble.Models
{
    /// <summary>One choice of a choice field: its id (chosen by the client when created) and its text.</summary>
    public sealed class NimbleFieldChoice
    {
        public NimbleFieldChoice(string id, string value)
        {
            Id = id;
            Value = value;
        }

        public string Id { get; }
        public string Value { get; }

        // Shows as its text, so that `.Choices -join ', '` and table columns read naturally.
        public override string ToString() => Value;
    }

    /// <summary>
    /// One contact field of the account (from the fields metadata), with where it sits (tab, group), its modifier,
    /// its kind and, for choice fields, its choices: what -Field of New-NimbleContact and -Query can use.
    /// </summary>
    public sealed class NimbleContactField
    {
        public string? Name { get; set; }
        public string? FieldId { get; set; }

        /// <summary>The modifier of this entry ("" for fields without modifiers).</summary>
        public string? Modifier { get; set; }

        /// <summary>string, long_string, choice, number, datetime, boolean, address, attachment, user, employment.</summary>
        public string? Kind { get; set; }

        public bool Multiples { get; set; }
        public bool ReadOnly { get; set; }
        public string? TabId { get; set; }
        public string? Tab { get; set; }
        public string? GroupId { get; set; }
        public string? Group { get; set; }

        /// <summary>person, company or both (the tab's contact types).</summary>
        public string? ContactTypes { get; set; }

        public IReadOnlyList<NimbleFieldChoice> Choices { get; set; } = Array.Empty<NimbleFieldChoice>();

        /// <summary>email or url for string fields that check their values.</summary>
        public string? ValidationRule { get; set; }

        /// <summary>How values show (number_type, fraction_digits, currency, date_format, ...), as the service sent it.</summary>
        public OrderedDictionary? Presentation { get; set; }

        /// <summary>edit_all, edit_choices_only or view_only.</summary>
        public string? AvailableActions { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Modifier) ? Name ?? string.Empty : $"{Name} ({Modifier})";
    }

    /// <summary>A group of contact fields inside a tab.</summary>
    public sealed class NimbleContactFieldGroup
    {
        public string? GroupId { get; set; }
        public string? Name { get; set; }
        public string? LogoId { get; set; }
        public string? TabId { get; set; }
        public string? Tab { get; set; }
        public bool IsStandard { get; set; }

        /// <summary>The names of the group's fields, in order.</summary>
        public IReadOnlyList<string> Fields { get; set; } = Array.Empty<string>();

        internal List<string> FieldIds { get; } = new List<string>();

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>A tab of contact fields: groups and fields shown for persons, companies or both.</summary>
    public sealed class NimbleContactFieldTab
    {
        public string? TabId { get; set; }
        public string? Name { get; set; }
        public IReadOnlyList<string> ContactTypes { get; set; } = Array.Empty<string>();
        public bool IsStandard { get; set; }

        /// <summary>edit_all, rearrange_only or view_only.</summary>
        public string? AvailableActions { get; set; }

        /// <summary>The names of the tab's groups, in order.</summary>
        public IReadOnlyList<string> Groups { get; set; } = Array.Empty<string>();

        /// <summary>How many fields the tab holds (in groups or directly).</summary>
        public int FieldCount { get; set; }

        // Ids of the tab's direct members (groups and fields) in order: where "insert after" positions point.
        internal List<string> MemberIds { get; } = new List<string>();

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>A deal field: a custom field of one pipeline, or one of the standard deal fields (<see cref="IsStandard"/>).</summary>
    public sealed class NimblePipelineField
    {
        public string? PipelineId { get; set; }

        /// <summary>The name of the pipeline's fields tab (the pipeline's name).</summary>
        public string? PipelineName { get; set; }

        public string? FieldId { get; set; }
        public string? Name { get; set; }

        /// <summary>string, long_string, choice, number, datetime, boolean, address, user.</summary>
        public string? Kind { get; set; }

        public string? Modifier { get; set; }
        public bool Multiples { get; set; }
        public string? GroupId { get; set; }
        public string? Group { get; set; }
        public IReadOnlyList<NimbleFieldChoice> Choices { get; set; } = Array.Empty<NimbleFieldChoice>();
        public OrderedDictionary? Presentation { get; set; }
        public string? AvailableActions { get; set; }
        public bool IsStandard { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }

    /// <summary>A group of custom fields in a pipeline's fields tab.</summary>
    public sealed class NimblePipelineFieldGroup
    {
        public string? PipelineId { get; set; }
        public string? PipelineName { get; set; }
        public string? GroupId { get; set; }
        public string? Name { get; set; }
        public string? LogoId { get; set; }

        /// <summary>The names of the group's fields, in order.</summary>
        public IReadOnlyList<string> Fields { get; set; } = Array.Empty<string>();

        internal List<string> FieldIds { get; } = new List<string>();

        public override string ToString() => Name ?? string.Empty;
    }
}
