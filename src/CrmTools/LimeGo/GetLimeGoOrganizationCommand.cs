using System;
using System.Management.Automation;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>Get-LimeGoOrganization: organizations by id, or searched and filtered, streamed page by page through GraphQL.</summary>
    [Cmdlet(VerbsCommon.Get, "LimeGoOrganization", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LimeGoOrganization))]
    public sealed class GetLimeGoOrganizationCommand : LimeGoCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>The service's search text; omitted: every organization.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("Search")]
        [AllowEmptyString]
        public string Query { get; set; } = string.Empty;

        /// <summary>Only organizations with one of these customer relations.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("NO_RELATION", "BEEN_IN_TOUCH", "WORKING_ON_IT", "IS_A_CUSTOMER", "WAS_A_CUSTOMER", IgnoreCase = true)]
        public string[]? Relation { get; set; }

        /// <summary>Only organizations whose responsible coworker has this id, e-mail address or name.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Only organizations carrying all of these tags.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Only organizations in this city.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? City { get; set; }

        /// <summary>Organizations per request (1 to 20, the service's cap).</summary>
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
                    if (TryRun(id, ct => connection.Organizations.GetAsync(id, ct), out var org)) WriteObject(org);
                }
                return;
            }
            var query = new LimeGoOrganizationQuery
            {
                Query = Query ?? string.Empty,
                Relation = Relation,
                ResponsibleCoworker = ResponsibleCoworker,
                Tag = Tag,
                City = City,
            };
            WriteStream(() => connection.Organizations.List(query, Paging(PageSize), CancellationToken), target: null, writeTotalCount: PagingParameters.IncludeTotalCount);
        }
    }
}
