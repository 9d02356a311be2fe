using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>New-NimblePipeline: creates a deal pipeline with its stages.</summary>
    [Cmdlet(VerbsCommon.New, "NimblePipeline", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class NewNimblePipelineCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateLength(1, 200)]
        public string? Name { get; set; }

        /// <summary>Stages in order: names, or hashtables with Name, DefaultProbability, ExpectedDays, Description.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNull]
        public object[]? Stage { get; set; }

        [Parameter]
        [ValidateLength(0, 256)]
        public string? Description { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Color { get; set; }

        [Parameter]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public string? DefaultCurrency { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? LostReason { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = new NimblePipelineInput
            {
                Name = Name,
                Description = Description,
                Color = Color,
                DefaultCurrency = DefaultCurrency,
                LostReasons = List(LostReason),
            };
            if (!TryInvoke(Name, () => input.Stages = Stages())) return;
            if (!ShouldProcess(Name, "Create Nimble pipeline")) return;
            if (TryRun(Name, ct => connection.Pipelines.CreateAsync(input, ct), out var pipeline)) WriteObject(pipeline);
        }

        private List<NimbleStageInput>? Stages()
        {
            if (Stage == null) return null;
            var stages = new List<NimbleStageInput>();
            foreach (var item in Stage)
            {
                var value = Plain(item);
                if (value is IDictionary d) stages.Add(NimbleStageParameters.FromDictionary(d));
                else stages.Add(new NimbleStageInput { Name = Convert.ToString(value, CultureInfo.InvariantCulture) });
            }
            return stages;
        }
    }

    internal static class NimbleStageParameters
    {
        public static NimbleStageInput FromDictionary(IDictionary d)
        {
            var stage = new NimbleStageInput();
            foreach (DictionaryEntry e in d)
            {
                var key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                switch (key.ToLowerInvariant())
                {
                    case "name": stage.Name = Convert.ToString(e.Value, CultureInfo.InvariantCulture); break;
                    case "description": stage.Description = Convert.ToString(e.Value, CultureInfo.InvariantCulture); break;
                    case "defaultprobability":
                    case "probability": stage.DefaultProbability = e.Value == null ? (int?)null : Convert.ToInt32(e.Value, CultureInfo.InvariantCulture); break;
                    case "expecteddays": stage.ExpectedDays = e.Value == null ? (int?)null : Convert.ToInt32(e.Value, CultureInfo.InvariantCulture); break;
                    default: throw new PSArgumentException($"'{key}' is not a stage property: use Name, DefaultProbability, ExpectedDays, Description.");
                }
            }
            return stage;
        }
    }
}
