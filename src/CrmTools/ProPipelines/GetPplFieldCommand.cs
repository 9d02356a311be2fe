using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplField: the description fields of leads and client folders.</summary>
    [Cmdlet(VerbsCommon.Get, "PplField")]
    [OutputType(typeof(PplField))]
    public sealed class GetPplFieldCommand : PplCmdlet
    {
        /// <summary>Only the lead fields or only the client folder fields.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("lead", "client", IgnoreCase = true)]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (TryRun(Type, ct => connection.AccountSettings.ListFieldsAsync(Type, ct), out var fields)) WriteAll(fields);
        }
    }
}
