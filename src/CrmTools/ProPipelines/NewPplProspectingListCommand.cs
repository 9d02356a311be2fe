using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmTools.Engine.ProPipelines;
using CrmTools.Engine.ProPipelines.Models;

namespace CrmTools.ProPipelines
{
    /// <summary>
    /// New-PplProspectingList: creates a prospecting list from objects (e.g. Import-Csv rows: their
    /// property names become the columns) or arrays (the first is the header), in one request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PplProspectingList", SupportsShouldProcess = true)]
    [OutputType(typeof(PplProspectingList))]
    public sealed class NewPplProspectingListCommand : PplCmdlet
    {
        private readonly List<PplProspectRecord> _records = new List<PplProspectRecord>();

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        /// <summary>The prospects: objects or arrays, from the pipeline or as an array.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [Alias("Content")]
        [AllowEmptyCollection]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [Alias("Tags")]
        public string[]? Tag { get; set; }

        /// <summary>The owner (id or e-mail), with the API key.</summary>
        [Parameter]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>Share the list with everyone in the account.</summary>
        [Parameter]
        public SwitchParameter Shared { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                if (item != null) _records.Add(PplProspectInput.From(item));
            }
        }

        protected override void EndProcessing()
        {
            var connection = ActiveConnection;
            var list = new PplNewProspectingList
            {
                Title = Title, Description = Description, Tags = Tag, UserId = UserId, Shared = Shared, Prospects = _records,
            };
            if (ShouldProcess(Title, $"Create a prospecting list of {_records.Count} row(s)") &&
                TryRun(Title, ct => connection.Prospecting.CreateAsync(list, ct), out var created))
            {
                WriteObject(created);
            }
            base.EndProcessing();
        }
    }
}
