using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimblePipeline: the deal pipelines with their stages, all, by name (wildcards) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "NimblePipeline", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class GetNimblePipelineCommand : NimbleCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Include archived pipelines.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        public SwitchParameter IncludeArchived { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Pipelines.GetAsync(id, ct), out var pipeline)) WriteObject(pipeline);
                }
                return;
            }
            if (!TryRun(null, ct => connection.Pipelines.ListAsync(ct), out var pipelines)) return;
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var p in pipelines)
            {
                if (!IncludeArchived && p.IsArchived && Name == null) continue;
                if (patterns != null && !patterns.Any(w => w.IsMatch(p.Name ?? string.Empty))) continue;
                WriteObject(p);
            }
            if (Name != null)
            {
                foreach (var n in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
                {
                    if (!pipelines.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
                    {
                        WriteFailure(new Engine.Errors.CrmException("Nimble", Engine.Errors.CrmErrorKind.NotFound, $"There is no pipeline named '{n}'.") { Resource = "Pipeline" }, n);
                    }
                }
            }
        }
    }
}
