using System;
using System.Linq;
using System.Management.Automation;
using CrmTools.Engine.LimeGo.Models;
using CrmTools.Engine.Paging;

namespace CrmTools.LimeGo
{
    /// <summary>Get-LimeGoCoworker: the account's coworkers, optionally by name or e-mail address (wildcards allowed).</summary>
    [Cmdlet(VerbsCommon.Get, "LimeGoCoworker")]
    [OutputType(typeof(LimeGoCoworker))]
    public sealed class GetLimeGoCoworkerCommand : LimeGoCmdlet
    {
        /// <summary>Coworkers whose full name matches one of these (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Coworkers whose e-mail address matches one of these (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Email { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var names = Patterns(Name);
            var emails = Patterns(Email);
            Func<LimeGoCoworker, bool>? filter = null;
            if (names != null || emails != null)
            {
                filter = c => (names == null || names.Any(p => p.IsMatch(c.Name ?? string.Empty))) &&
                              (emails == null || emails.Any(p => p.IsMatch(c.Email ?? string.Empty)));
            }
            WriteStream(() => connection.Coworkers.List(new PageRequest { PageSize = 20 }, filter, CancellationToken));
        }

        private static WildcardPattern[]? Patterns(string[]? values) =>
            values?.Select(v => WildcardPattern.Get(v, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
    }
}
