using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>Get-LimeCrmLimetype: limetype metadata (properties, their types, required flags, lengths and options), kept per connection.</summary>
    [Cmdlet(VerbsCommon.Get, "LimeCrmLimetype")]
    [OutputType(typeof(LimeType))]
    public sealed class GetLimeCrmLimetypeCommand : LimeCrmCmdlet
    {
        /// <summary>Limetype names (wildcards allowed); all when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Limetype")]
        [ArgumentCompleter(typeof(LimetypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Forgets the metadata kept for the connection and reads it again.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        private bool _refreshed;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (Refresh && !_refreshed)
            {
                connection.Metadata.Clear();
                _refreshed = true;
            }
            if (Name == null || Name.Length == 0)
            {
                if (TryRun(null, ct => connection.Metadata.ListAsync(ct), out var all)) WriteObject(all, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    if (TryRun(name, ct => connection.Metadata.ListAsync(ct), out var all))
                    {
                        WriteObject(all.Where(t => pattern.IsMatch(t.Name)).ToList(), enumerateCollection: true);
                    }
                    continue;
                }
                if (TryRun(name, ct => connection.Metadata.GetAsync(name, ct), out var limetype)) WriteObject(limetype);
            }
        }
    }
}
