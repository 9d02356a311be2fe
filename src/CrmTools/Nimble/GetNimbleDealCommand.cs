using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleDeal: deals by id, every deal, or the deals of one pipeline (and stage), streamed.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleDeal", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(NimbleDeal))]
    public sealed class GetNimbleDealCommand : NimbleCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string PipelineSet = "InPipeline";
        private const string OwnerSet = "ByOwner";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DealId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Pipeline name or id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PipelineSet)]
        [Parameter(Mandatory = true, ParameterSetName = OwnerSet)]
        [ValidateNotNullOrEmpty]
        public string? Pipeline { get; set; }

        /// <summary>Only the deals of -Pipeline owned by these users (user id, e-mail or name; wildcards), listed owner by owner.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OwnerSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Owner { get; set; } = Array.Empty<string>();

        /// <summary>Stage name or id within -Pipeline.</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        [ValidateNotNullOrEmpty]
        public string? Stage { get; set; }

        /// <summary>The field to sort by (the service requires one; default created).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = PipelineSet)]
        [Parameter(ParameterSetName = OwnerSet)]
        [ValidateNotNullOrEmpty]
        public string SortBy { get; set; } = NimbleDealsApi.DefaultSort;

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = PipelineSet)]
        [Parameter(ParameterSetName = OwnerSet)]
        public SwitchParameter Descending { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = PipelineSet)]
        [Parameter(ParameterSetName = OwnerSet)]
        [ValidateRange(1, NimbleDealsApi.MaxPageSize)]
        public int PageSize { get; set; } = 50;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            switch (ParameterSetName)
            {
                case ByIdSet:
                    foreach (var id in Id)
                    {
                        if (TryRun(id, ct => connection.Deals.GetAsync(id, ct), out var deal)) WriteObject(deal);
                    }
                    return;
                case PipelineSet:
                    if (!TryRun(Pipeline, ct => connection.Pipelines.ListAsync(ct), out var pipelines)) return;
                    NimblePipelineResolution? placement = null;
                    NimblePipeline? pipeline = null;
                    if (!TryInvoke(Pipeline, () =>
                        {
                            if (Stage != null) placement = NimblePipelineResolution.Resolve(pipelines, Pipeline, Stage);
                            else pipeline = NimblePipelineResolution.FindPipeline(pipelines, Pipeline);
                        }))
                    {
                        return;
                    }
                    var pipelineId = placement?.Pipeline.PipelineId ?? pipeline!.PipelineId!;
                    WriteStream(() => connection.Deals.ListInPipeline(pipelineId, placement?.Stage.StageId, SortBy, Descending, Paging(PageSize), CancellationToken), Pipeline);
                    return;
                case OwnerSet:
                    if (!TryRun(Pipeline, ct => connection.Pipelines.FindAsync(Pipeline!, ct), out var ownersPipeline)) return;
                    var patterns = Owner.Select(o => new WildcardPattern(o, WildcardOptions.IgnoreCase)).ToList();
                    Func<NimbleUserInfo?, bool> matches = user => user != null && patterns.Any(p =>
                        p.IsMatch(user.UserId ?? string.Empty) || p.IsMatch(user.Email ?? string.Empty) || p.IsMatch(user.Name ?? string.Empty));
                    WriteStream(() => connection.Deals.ListInPipelineByOwner(ownersPipeline.PipelineId!, matches, SortBy, Descending, Paging(PageSize), CancellationToken), Pipeline);
                    return;
                default:
                    WriteStream(() => connection.Deals.List(SortBy, Descending, Paging(PageSize), CancellationToken), null, PagingParameters.IncludeTotalCount);
                    return;
            }
        }
    }
}
