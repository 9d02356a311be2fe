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
            if (!ShouldProcess(Subject, "Create Nimble task")) return;
            if (TryRun(Subject, ct => connection.Tasks.CreateAsync(input, ct), out var task)) WriteObject(task);
        }
    }
}
