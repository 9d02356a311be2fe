using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplProspectingList: the prospecting lists this connection can see, or lists by id with their prospects.</summary>
    [Cmdlet(VerbsCommon.Get, "PplProspectingList", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(PplProspectingList))]
    public sealed class GetPplProspectingListCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProspectingListId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Only the list with exactly this title.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>desc (newest first, the default) or asc, by id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Prospecting.GetAsync(id, ct), out var list)) WriteObject(list);
                }
                return;
            }
            if (PagingParameters.First == 0) return;
            // The service has a limit but no offset: ask for -First + -Skip and skip here.
            int? limit = PagingParameters.First == ulong.MaxValue ? (int?)null : RequestedCount(int.MaxValue);
            if (TryRun(null, ct => connection.Prospecting.ListAsync(Title, Direction, limit, ct), out var lists)) WritePage(lists);
        }
    }
}
