using System;
using System.Management.Automation;
using CrmTools.Engine.Paging;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplLead: leads by id, the filtered list, or the unassigned list, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "PplLead", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(PplLead))]
    public sealed class GetPplLeadCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string UnassignedSet = "Unassigned";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LeadId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("todo", "standby", "won", "lost", "cancelled", IgnoreCase = true)]
        public string[]? Status { get; set; }

        /// <summary>Step names, exactly as entered in the application.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Step { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Starred { get; set; }

        /// <summary>Owner's user id or e-mail.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>An e-mail address found in the lead's description or comments.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? FieldKey { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? FieldValue { get; set; }

        /// <summary>Leads carrying all of these tags.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("Tags")]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? UpdatedAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? StartDate { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? EndDate { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("creation", "update", "next_action", "closed", IgnoreCase = true)]
        public string? DateRangeType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeUnassigned { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("Order")]
        [ValidateSet("id", "creation_date", "last_update", "next_action", "sale_step", "amount", "probability", "probalized_amount", "alphabetically", IgnoreCase = true)]
        public string? OrderBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        /// <summary>Only the unassigned leads (GET /leads/unassigned).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UnassignedSet)]
        public SwitchParameter Unassigned { get; set; }

        /// <summary>Leads per request (1 to 100).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = UnassignedSet)]
        [ValidateRange(1, PplLeadsApi.MaxPageSize)]
        public int PageSize { get; set; } = PplLeadsApi.MaxPageSize;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (TryRun(id, ct => connection.Leads.GetAsync(id, ct), out var lead)) WriteObject(lead);
                }
                return;
            }

            var paging = new PageRequest
            {
                Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
                First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue),
                PageSize = PageSize,
            };
            WriteStream(() => Unassigned
                    ? connection.Leads.ListUnassigned(paging, CancellationToken)
                    : connection.Leads.List(BuildQuery(), paging, CancellationToken),
                target: null, writeTotalCount: PagingParameters.IncludeTotalCount);
        }

        private PplLeadQuery BuildQuery() => new PplLeadQuery
        {
            Status = Status,
            Step = Step,
            Starred = Starred,
            UserId = UserId,
            Email = Email,
            FieldKey = FieldKey,
            FieldValue = FieldValue,
            Tags = Tag,
            UpdatedAfter = ToOffset(UpdatedAfter),
            StartDate = ToOffset(StartDate),
            EndDate = ToOffset(EndDate),
            DateRangeType = DateRangeType,
            IncludeUnassigned = IncludeUnassigned,
            Order = OrderBy,
            Direction = Direction,
        };
    }
}
