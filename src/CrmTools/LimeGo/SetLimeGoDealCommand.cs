using System.Management.Automation;
using CrmTools.Engine.Errors;
using CrmTools.Engine.LimeGo;
using CrmTools.Engine.LimeGo.Models;

namespace CrmTools.LimeGo
{
    /// <summary>Set-LimeGoDeal: changes a deal's status and/or responsible coworker (one GraphQL mutation per deal).</summary>
    [Cmdlet(VerbsCommon.Set, "LimeGoDeal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LimeGoDeal))]
    public sealed class SetLimeGoDealCommand : LimeGoCmdlet
    {
        private string? _status;
        private LimeGoCoworker? _coworker;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DealId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new status: one of the account's deal statuses.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(LimeGoDealStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Status { get; set; }

        /// <summary>The new responsible coworker: id, e-mail address or full name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResponsibleCoworker { get; set; }

        /// <summary>Write the deal as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            // Checked once for the whole pipeline: the same values apply to every deal.
            if (Status == null && ResponsibleCoworker == null)
            {
                ThrowFailure(new CrmValidationException(LimeGoConnection.ServicePrefix, "Status", "Give -Status, -ResponsibleCoworker or both."), null);
            }
            var connection = ActiveConnection;
            try
            {
                if (Status != null) _status = Run(ct => connection.Deals.CanonicalStatusAsync(Status, "Status", ct));
                if (ResponsibleCoworker != null) _coworker = Run(ct => connection.Coworkers.ResolveAsync(ResponsibleCoworker, "ResponsibleCoworker", ct));
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                ThrowFailure(ex, (object?)Status ?? ResponsibleCoworker);
            }
        }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var change = Describe(_status != null ? "status " + _status : null, _coworker != null ? "responsible coworker " + _coworker : null);
            if (!ShouldProcess($"Lime Go deal {Id}", "Set " + change)) return;
            if (TryRun(Id, ct => connection.Deals.SetAsync(Id, _status, _coworker?.Id, ct), out var deal) && PassThru) WriteObject(deal);
        }

        internal static string Describe(string? first, string? second) =>
            first != null && second != null ? first + " and " + second : first ?? second ?? string.Empty;
    }
}
