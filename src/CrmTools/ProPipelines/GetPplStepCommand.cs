using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplStep: the steps of every pipeline, or steps by id or name.</summary>
    [Cmdlet(VerbsCommon.Get, "PplStep", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplStep))]
    public sealed class GetPplStepCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Step ids or names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(PplStepCompleter))]
        [PplIdArgument("Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>asc (by position, the default) or desc.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ListSet)
            {
                if (TryRun(null, ct => connection.Steps.ListAsync(Direction, ct), out var steps)) WriteAll(steps);
                return;
            }
            foreach (var id in Id)
            {
                if (TryRun(id, ct => connection.Steps.GetAsync(id, ct), out var step)) WriteObject(step);
            }
        }
    }
}
