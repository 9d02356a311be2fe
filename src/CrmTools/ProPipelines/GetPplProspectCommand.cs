using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplProspect: the prospects of prospecting lists, or the prospects called from a phone number.</summary>
    [Cmdlet(VerbsCommon.Get, "PplProspect", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplProspect))]
    public sealed class GetPplProspectCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string CalledFromSet = "CalledFrom";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ListSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] ProspectingListId { get; set; } = Array.Empty<long>();

        /// <summary>A phone number: the prospects called with it from the application.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CalledFromSet)]
        [ValidateNotNullOrEmpty]
        public string? CalledFrom { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == CalledFromSet)
            {
                if (TryRun(CalledFrom, ct => connection.Prospecting.CalledFromAsync(CalledFrom!, ct), out var called)) WriteAll(called);
                return;
            }
            foreach (var id in ProspectingListId)
            {
                if (TryRun(id, ct => connection.Prospecting.GetAsync(id, ct), out var list)) WriteAll(list.Prospects ?? Array.Empty<PplProspect>());
            }
        }
    }
}
