using System;
using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>New-PplLead: creates leads (from parameters or objects such as Import-Csv rows), or a lead from a prospect.</summary>
    [Cmdlet(VerbsCommon.New, "PplLead", SupportsShouldProcess = true, DefaultParameterSetName = FieldsSet)]
    [OutputType(typeof(PplLead))]
    public sealed class NewPplLeadCommand : PplCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string FromProspectSet = "FromProspect";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Free text; after the -Field lines when both are given.</summary>
        [Parameter(Position = 1, ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>Description fields ("Name: value" lines); use [ordered]@{} to keep their order.</summary>
        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Fields")]
        public IDictionary? Field { get; set; }

        /// <summary>Owner's id or e-mail (direct assignment, no notification; API key only).</summary>
        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        [AllowEmptyCollection]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        public DateTime? CreatedAt { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FromProspectSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectingListId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FromProspectSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ProspectId { get; set; }

        /// <summary>Leads created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == FromProspectSet)
            {
                // Copied: the request runs while PowerShell binds the next input to these properties.
                var listId = ProspectingListId;
                var prospectId = ProspectId;
                if (!ShouldProcess($"Prospect {prospectId} of prospecting list {listId}", "Create a lead")) return;
                RunBulk(prospectId, ct => connection.Prospecting.CreateLeadAsync(listId, prospectId, ct), ThrottleLimit);
                return;
            }

            var lead = new PplNewLead
            {
                Title = Title,
                Description = Description,
                Fields = Pairs(Field),
                UserId = UserId,
                Tags = Tag,
                CreatedAt = ToOffset(CreatedAt),
            };
            if (!TryInvoke(Title, () => lead.Validate(connection))) return;
            if (!ShouldProcess(Title!, "Create a lead")) return;
            RunBulk(Title, ct => connection.Leads.CreateAsync(lead, ct), ThrottleLimit);
        }
    }
}
