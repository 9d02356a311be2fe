using System.Globalization;
using System.Management.Automation;

namespace CrmTools.LimeCrm
{
    /// <summary>Remove-LimeCrmObject: deletes limeobjects, given by limetype and id or piped in.</summary>
    [Cmdlet(VerbsCommon.Remove, "LimeCrmObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLimeCrmObjectCommand : LimeCrmCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LimetypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Limetype { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = System.Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id)
            {
                var target = $"{Limetype} {id.ToString(CultureInfo.InvariantCulture)}";
                if (!ShouldProcess(target, "Delete Lime CRM object")) continue;
                if (TryRun(target, ct => connection.Objects.DeleteAsync(Limetype, id, ct))) WriteVerbose($"Deleted {target}.");
            }
        }
    }
}
