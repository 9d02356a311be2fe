using System;
using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;
using CrmTools.Engine.Paging;

namespace CrmTools.LimeCrm
{
    /// <summary>Get-LimeCrmObject: limeobjects by id, or the filtered, sorted list streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "LimeCrmObject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LimeObject))]
    public sealed class GetLimeCrmObjectCommand : LimeCrmCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LimetypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Limetype { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>property = value; keys may start with min-, max- or not-; an array value matches any of its items.</summary>
        [Parameter(Position = 1, ParameterSetName = ListSet)]
        [ValidateNotNull]
        public IDictionary? Filter { get; set; }

        /// <summary>Properties to sort by; a leading "-" sorts descending.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Sort { get; set; }

        /// <summary>Objects per request.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, LimeObjectsApi.MaxPageSize)]
        public int PageSize { get; set; } = LimeObjectsApi.DefaultPageSize;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Objects.GetAsync(Limetype, id, ct), out var found)) WriteObject(Output(found));
                }
                return;
            }
            var query = new LimeObjectQuery(Limetype)
            {
                Filter = PowerShellValues.Unwrap(Filter) as IDictionary,
                Sort = Sort,
            };
            var paging = new PageRequest
            {
                Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
                First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue),
                PageSize = PageSize,
            };
            WriteStream(() => connection.Objects.List(query, paging, Output, CancellationToken), target: Limetype,
                writeTotalCount: PagingParameters.IncludeTotalCount);
        }
    }
}
