using System;
using System.Collections;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>New-LimeCrmObject: creates a limeobject from a hashtable or from each object piped in (Import-Csv rows).</summary>
    [Cmdlet(VerbsCommon.New, "LimeCrmObject", SupportsShouldProcess = true)]
    [OutputType(typeof(LimeObject))]
    public sealed class NewLimeCrmObjectCommand : LimeCrmCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LimetypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Limetype { get; set; } = string.Empty;

        /// <summary>Property name to value. Relations take an id, a limeobject, or @{ property = unique value }.</summary>
        [Parameter(Position = 1)]
        [Alias("Values")]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>An object whose properties are the values (an Import-Csv row, a hashtable, a limeobject to copy).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (Property == null && InputObject == null)
            {
                WriteError(new ErrorRecord(new ArgumentException("Give the values with -Property, or pipe objects in."),
                    "LimeCrm.NoValues", ErrorCategory.InvalidArgument, Limetype));
                return;
            }
            var connection = ActiveConnection;
            var target = (object?)InputObject ?? Property;
            var values = LimeObjectInput.Merge(LimeObjectInput.FromObject(InputObject, "Limetype", "Id", "_id"), Property);
            if (!TryRun(target, ct => connection.Objects.PrepareCreateAsync(Limetype, values, ct), out var change)) return;
            if (!ShouldProcess(change.ToString(), "Create Lime CRM object")) return;
            if (TryRun(target, ct => connection.Objects.SaveAsync(change, ct), out var created)) WriteObject(Output(created));
        }
    }
}
