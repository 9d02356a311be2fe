using System;
using System.Management.Automation;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>Get-LimeGoDeal: deals by id, or searched and filtered, streamed page by page through GraphQL.</summary>
    [Cmdlet(VerbsCommon.Get, "LimeGoDeal", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LimeGoDeal))]
    public sealed class GetLimeGoDealCommand : LimeGoCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DealId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>The service's search text; omitted: every deal.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("Search")]
        [AllowEmptyString]
        public string Query { get; set; } = string.Empty;

        /// <summary>Only deals in one of these statuses (the account's steps).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(LimeGoDealStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        /// <summary>Only deals whose responsible coworker has this id, e-mail address or name.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Only deals carrying all of these tags.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Deals per request (1 to 20, the service's cap).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 20)]
        public int PageSize { get; set; } = 20;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Deals.GetAsync(id, ct), out var deal)) WriteObject(deal);
                }
                return;
            }
            var query = new LimeGoDealQuery { Query = Query ?? string.Empty, ResponsibleCoworker = ResponsibleCoworker, Tag = Tag };
            if (Status != null)
            {
                var statuses = new string[Status.Length];
                for (var i = 0; i < Status.Length; i++)
                {
                    var status = Status[i];
                    if (!TryRun(status, ct => connection.Deals.CanonicalStatusAsync(status, "Status", ct), out statuses[i])) return;
                }
                query.Status = statuses;
            }
            WriteStream(() => connection.Deals.List(query, Paging(PageSize), CancellationToken), target: null, writeTotalCount: PagingParameters.IncludeTotalCount);
        }
    }
}
