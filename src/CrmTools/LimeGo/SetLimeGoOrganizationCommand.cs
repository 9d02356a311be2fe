using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>Set-LimeGoOrganization: changes an organization's customer relation and/or responsible coworker.</summary>
    [Cmdlet(VerbsCommon.Set, "LimeGoOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LimeGoOrganization))]
    public sealed class SetLimeGoOrganizationCommand : LimeGoCmdlet
    {
        private string? _relation;
        private LimeGoCoworker? _coworker;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new customer relation.</summary>
        [Parameter]
        [ValidateSet("NO_RELATION", "BEEN_IN_TOUCH", "WORKING_ON_IT", "IS_A_CUSTOMER", "WAS_A_CUSTOMER", IgnoreCase = true)]
        public string? Relation { get; set; }

        /// <summary>The new responsible coworker: id, e-mail address or full name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Write the organization as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Relation == null && ResponsibleCoworker == null)
            {
                ThrowFailure(new CrmValidationException(LimeGoConnection.ServicePrefix, "Relation", "Give -Relation, -ResponsibleCoworker or both."), null);
            }
            var connection = ActiveConnection;
            try
            {
                if (Relation != null) _relation = LimeGoVocabulary.CanonicalRelation(Relation, "Relation");
                if (ResponsibleCoworker != null) _coworker = Run(ct => connection.Coworkers.ResolveAsync(ResponsibleCoworker, "ResponsibleCoworker", ct));
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, (object?)Relation ?? ResponsibleCoworker);
            }
        }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var change = SetLimeGoDealCommand.Describe(_relation != null ? "relation " + _relation : null, _coworker != null ? "responsible coworker " + _coworker : null);
            if (!ShouldProcess($"Lime Go organization {Id}", "Set " + change)) return;
            if (TryRun(Id, ct => connection.Organizations.SetAsync(Id, _relation, _coworker?.Id, ct), out var org) && PassThru) WriteObject(org);
        }
    }
}
