using System.Management.Automation;
using CrmTools.Engine.Nimble.Deals;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Set-NimblePipeline: renames a pipeline, changes its description or color, archives or unarchives it.</summary>
    [Cmdlet(VerbsCommon.Set, "NimblePipeline", SupportsShouldProcess = true)]
    [OutputType(typeof(NimblePipeline))]
    public sealed class SetNimblePipelineCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PipelineId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        [ValidateLength(1, 200)]
        public string? NewName { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Color { get; set; }

        [Parameter]
        public SwitchParameter Archive { get; set; }

        [Parameter]
        public SwitchParameter Unarchive { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (Archive && Unarchive)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Use -Archive or -Unarchive, not both."), "Nimble.InvalidArgument", ErrorCategory.InvalidArgument, Id));
            }
            var change = NewName != null || Description != null || Color != null;
            if (!change && !Archive && !Unarchive)
            {
                WriteFailure(new Engine.Errors.CrmValidationException("Nimble", "NewName", "Nothing to change: give -NewName, -Description, -Color, -Archive or -Unarchive."), Id);
                return;
            }
            if (!ShouldProcess(Id, "Update Nimble pipeline")) return;
            NimblePipeline? result = null;
            if (change)
            {
                var input = new NimblePipelineInput { Name = NewName, Description = Description, Color = Color };
                if (!TryRun(Id, ct => connection.Pipelines.UpdateAsync(Id!, input, ct), out result)) return;
            }
            if (Archive || Unarchive)
            {
                if (!TryRun(Id, ct => connection.Pipelines.SetArchivedAsync(Id!, Archive, ct), out result)) return;
            }
            WriteObject(result);
        }
    }
}
