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

        /// <summary>Objects created at once (requests in flight); 1 creates them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            if (Property == null && InputObject == null)
            {
                WriteError(new ErrorRecord(new ArgumentException("Give the values with -Property, or pipe objects in."),
                    "LimeCrm.NoValues", ErrorCategory.InvalidArgument, Limetype));
                return;
            }
            // Copied: the save runs while PowerShell binds the next input to these properties. The values are
            // unwrapped from PowerShell's objects here, on the pipeline thread.
            var connection = ActiveConnection;
            var limetype = Limetype;
            var throttleLimit = ThrottleLimit;
            var target = (object?)InputObject ?? Property;
            var values = LimeObjectInput.Merge(LimeObjectInput.FromObject(InputObject, "Limetype", "Id", "_id"), Property);
            if (!TryPrepare(target, ct => connection.Objects.PrepareCreateAsync(limetype, values, ct), throttleLimit, out var change)) return;
            if (!ShouldProcess(change.ToString(), "Create Lime CRM object")) return;
            // The PowerShell view of the result is built on the pipeline thread (onResult), in input order.
            RunBulk(target, ct => connection.Objects.SaveAsync(change, ct), throttleLimit, created => WriteObject(Output(created)));
        }
    }
}
