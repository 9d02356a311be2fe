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

        /// <summary>Objects deleted at once (requests in flight); 1 deletes them one after another. Errors keep input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            // Copied: the deletes run after PowerShell has bound the next inputs to these properties.
            var connection = ActiveConnection;
            var limetype = Limetype;
            var throttleLimit = ThrottleLimit;
            foreach (var id in Id)
            {
                var target = Target(limetype, id);
                if (!ShouldProcess(target, "Delete Lime CRM object")) continue;
                // Piped from Get-LimeCrmObject: delete once the listing has ended, or its pages would shift past objects.
                AfterInput(() => RunBulk(target, ct => connection.Objects.DeleteAsync(limetype, id, ct), throttleLimit, () => WriteVerbose($"Deleted {target}.")));
            }
        }

        private static string Target(string limetype, long id) => $"{limetype} {id.ToString(CultureInfo.InvariantCulture)}";
    }
}
