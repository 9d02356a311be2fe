using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;

namespace CrmTools.Nimble
{
    /// <summary>Get-NimbleContactField: the account's contact fields with their modifiers, kinds and choices.</summary>
    [Cmdlet(VerbsCommon.Get, "NimbleContactField")]
    [OutputType(typeof(NimbleContactField))]
    public sealed class GetNimbleContactFieldCommand : NimbleCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(null, ct => connection.Contacts.GetFieldsAsync(ct), out var fields)) return;
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var f in fields)
            {
                if (patterns == null || patterns.Any(p => p.IsMatch(f.Name ?? string.Empty))) WriteObject(f);
            }
        }
    }
}
