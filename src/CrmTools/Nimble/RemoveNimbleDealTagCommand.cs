using System.Management.Automation;

namespace CrmTools.Nimble
{
    /// <summary>Remove-NimbleDealTag: deletes a deal tag, unlinking it from every deal.</summary>
    [Cmdlet(VerbsCommon.Remove, "NimbleDealTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveNimbleDealTagCommand : NimbleCmdlet
    {
        /// <summary>The tag's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Have Nimble check first that every deal with the tag can be edited (nothing is changed otherwise).</summary>
        [Parameter]
        public SwitchParameter PreflightCheck { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcessOrForce(Force, Name!, "Delete Nimble deal tag")) return;
            TryRun(Name, ct => connection.Deals.DeleteTagAsync(Name!, PreflightCheck.IsPresent, ct));
        }
    }
}
