using System.Collections.Generic;
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

        // Deletes wait until the input has ended: `Get-LimeCrmObject | Remove-LimeCrmObject` would otherwise delete
        // while the listing still pages by offset, and the pages would shift past objects never seen.
        private readonly List<(string Limetype, long Id)> _confirmed = new List<(string, long)>();

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (ShouldProcess(Target(Limetype, id), "Delete Lime CRM object")) _confirmed.Add((Limetype, id));
            }
        }

        protected override void EndProcessing()
        {
            var connection = _confirmed.Count > 0 ? ActiveConnection : null;
            foreach (var (limetype, id) in _confirmed)
            {
                var target = Target(limetype, id);
                RunBulk(target, ct => connection!.Objects.DeleteAsync(limetype, id, ct), ThrottleLimit, () => WriteVerbose($"Deleted {target}."));
            }
            base.EndProcessing();
        }

        private static string Target(string limetype, long id) => $"{limetype} {id.ToString(CultureInfo.InvariantCulture)}";
    }
}
