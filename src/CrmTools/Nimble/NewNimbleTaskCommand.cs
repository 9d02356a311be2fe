using System;
using System.Management.Automation;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Engine.Nimble.Tasks;

namespace CrmTools.Nimble
{
    /// <summary>New-NimbleTask: creates a task, optionally about contacts and deals.</summary>
    [Cmdlet(VerbsCommon.New, "NimbleTask", SupportsShouldProcess = true)]
    [OutputType(typeof(NimbleTask))]
    public sealed class NewNimbleTaskCommand : NimbleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? DueDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Notes { get; set; }

        /// <summary>Contacts the task is about.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? ContactId { get; set; }

        /// <summary>Deals the task is about.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? DealId { get; set; }

        /// <summary>User id of the owner (default: you).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? AssignedTo { get; set; }

        [Parameter]
        public SwitchParameter Important { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Tasks created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var input = new NimbleTaskInput
            {
                Subject = Subject,
                DueDate = ToOffset(DueDate),
                Notes = Notes,
                ContactIds = List(ContactId),
                DealIds = List(DealId),
                AssignedTo = AssignedTo,
                IsImportant = Important ? true : (bool?)null,
                Tags = List(Tag),
            };
            var subject = Subject;
            if (!ShouldProcess(subject, "Create Nimble task")) return;
            // Parameter values were copied into input above: PowerShell rebinds the properties for the next item.
            RunBulk(subject, ct => connection.Tasks.CreateAsync(input, ct), ThrottleLimit);
        }
    }
}
