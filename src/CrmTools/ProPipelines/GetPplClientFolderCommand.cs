using System;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>Get-PplClientFolder: every client folder, or folders by id with their details.</summary>
    [Cmdlet(VerbsCommon.Get, "PplClientFolder", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PplClientFolder))]
    public sealed class GetPplClientFolderCommand : PplCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>name (the default) or id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("name", "id", IgnoreCase = true)]
        public string? OrderBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Direction { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (ParameterSetName == ListSet)
            {
                if (TryRun(null, ct => connection.ClientFolders.ListAsync(OrderBy, Direction, ct), out var folders)) WriteAll(folders);
                return;
            }
            foreach (var id in Id)
            {
                if (TryRun(id, ct => connection.ClientFolders.GetAsync(id, ct), out var folder)) WriteObject(folder);
            }
        }
    }
}
