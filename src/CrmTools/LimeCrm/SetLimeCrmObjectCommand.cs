using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CrmTools.Engine.LimeCrm;

namespace CrmTools.LimeCrm
{
    /// <summary>
    /// Set-LimeCrmObject: changes properties of a limeobject, given by limetype and id or piped in. Without
    /// -Property, a piped limeobject's edited property values are sent (only those that changed).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LimeCrmObject", SupportsShouldProcess = true)]
    [OutputType(typeof(LimeObject))]
    public sealed class SetLimeCrmObjectCommand : LimeCrmCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LimetypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Limetype { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("_id")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Property name to new value ($null empties it).</summary>
        [Parameter(Position = 2)]
        [Alias("Values")]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>A limeobject with edited property values, or an object whose other properties are the new values.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Returns the object as saved.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Objects changed at once (requests in flight); 1 changes them one after another. Output keeps input order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            // Copied: the save runs while PowerShell binds the next input to these properties. The values are
            // unwrapped from PowerShell's objects here, on the pipeline thread.
            var connection = ActiveConnection;
            var limetype = Limetype;
            var id = Id;
            var passThru = PassThru.IsPresent;
            var throttleLimit = ThrottleLimit;
            var target = $"{limetype} {id.ToString(CultureInfo.InvariantCulture)}";
            IDictionary values;
            if (Property != null)
            {
                values = (IDictionary)PowerShellValues.Unwrap(Property)!;
            }
            else if (LimeObjectInput.AsLimeObject(InputObject) is LimeObject original)
            {
                values = LimeObjectView.Changes(InputObject!, original);
            }
            else
            {
                values = LimeObjectInput.FromObject(InputObject, "Limetype", "Id", "_id");
            }
            if (values.Count == 0)
            {
                WriteVerbose($"{target}: nothing to change.");
                return;
            }
            if (!TryPrepare(target, ct => connection.Objects.PrepareUpdateAsync(limetype, id, values, ct), throttleLimit, out var change)) return;
            if (!ShouldProcess(change.ToString(), "Update Lime CRM object")) return;
            // The PowerShell view of the result is built on the pipeline thread (onResult), in input order.
            AfterInput(() => RunBulk(target, ct => connection.Objects.SaveAsync(change, ct), throttleLimit, saved =>
            {
                if (passThru) WriteObject(Output(saved));
            }));
        }
    }
}
